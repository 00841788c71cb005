import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SYSMON, demoAt, eventsOf, field, find, rowsOf } from './demo-fixture.js';

const { demo, items } = demoAt();
const { story } = demo;
const events = eventsOf(items);
const rows = rowsOf(items);

const LOCAL_NODES = new Set(['localhost', '127.0.0.1', '.']);

/** The `/node:` target of a WMIC command line, without quotes; undefined when it has none. */
function nodeOf(commandLine: string): string | undefined {
  const match = /\/node:("([^"]*)"|(\S+))/i.exec(commandLine);
  return match ? (match[2] ?? match[3]) : undefined;
}

const wmicStarts = events.filter(
  (event) =>
    (event.System.EventID === 4688 && /\\wmic\.exe$/i.test(field(event, 'NewProcessName'))) ||
    (event.System.Channel === SYSMON &&
      event.System.EventID === 1 &&
      /\\wmic\.exe$/i.test(field(event, 'Image'))),
);
const benignWmic = wmicStarts.filter((event) => field(event, 'CommandLine') !== story.commandLine);

describe('benign activity', () => {
  it('includes ordinary WMIC use by administrators and scripts', () => {
    assert.ok(benignWmic.length > 20, `${benignWmic.length} benign WMIC starts`);
    const lines = new Set(benignWmic.map((event) => field(event, 'CommandLine')));
    assert.ok([...lines].some((line) => line.includes('/node:localhost')));
    assert.ok([...lines].some((line) => line.startsWith('wmic os get caption')));
    assert.ok([...lines].some((line) => line.startsWith('wmic logicaldisk get')));
  });

  it('never points WMIC at another machine', () => {
    for (const event of benignWmic) {
      const node = nodeOf(field(event, 'CommandLine'));
      if (node !== undefined) {
        assert.ok(LOCAL_NODES.has(node.toLowerCase()), field(event, 'CommandLine'));
      }
      assert.doesNotMatch(field(event, 'CommandLine'), /process call create/i);
    }
    assert.equal(nodeOf(story.commandLine), story.target.ip);
  });

  it('includes benign PowerShell, some of it with the execution policy bypassed', () => {
    const shells = find(events, 'Security', 4688, undefined, (data) =>
      String(data['NewProcessName']).endsWith('\\powershell.exe'),
    );
    const benign = shells.filter(
      (event) => field(event, 'CommandLine') !== story.remoteCommandLine,
    );
    assert.ok(benign.length > 30);
    assert.ok(
      benign.some((event) => field(event, 'CommandLine').includes('-ExecutionPolicy Bypass')),
    );
  });

  it('has every kind of logon a Windows estate produces', () => {
    const types = new Set(find(events, 'Security', 4624).map((event) => field(event, 'LogonType')));
    assert.deepEqual([...types].sort(), ['10', '2', '3', '5', '7']);
    assert.ok(find(events, 'Security', 4625).length > 0);
    assert.ok(find(events, 'Security', 4720).length >= 1);
    assert.ok(find(events, 'System', 7045).length > 1);
  });

  it('builds realistic process trees', () => {
    const parents = (image: string): Set<string> =>
      new Set(
        find(events, SYSMON, 1, undefined, (data) => String(data['Image']).endsWith(image)).map(
          (event) =>
            field(event, 'ParentImage').slice(field(event, 'ParentImage').lastIndexOf('\\') + 1),
        ),
      );
    assert.ok(parents('\\OUTLOOK.EXE').has('explorer.exe'));
    assert.ok(
      [...parents('\\chrome.exe')].every(
        (parent) => parent === 'explorer.exe' || parent === 'chrome.exe',
      ),
    );
    assert.ok(parents('\\svchost.exe').has('services.exe'));
    assert.ok(parents('\\WmiPrvSE.exe').has('svchost.exe'));
  });

  it('keeps people busy in office hours and quiet at night', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const event of find(events, 'Security', 4688, 'WS02')) {
      const officeHour = (new Date(String(event.System.TimeCreated)).getUTCHours() + 19) % 24;
      byHour[officeHour] = (byHour[officeHour] ?? 0) + 1;
    }
    const office = byHour.slice(9, 17).reduce((sum, count) => sum + count, 0) / 8;
    const night = byHour.slice(0, 5).reduce((sum, count) => sum + count, 0) / 5;
    assert.ok(office > 4 * night, `office ${office} an hour, night ${night}`);
  });

  it('browses through the proxy, with the people it knows named', () => {
    const proxied = rows.filter((row) => row['DeviceName'] === 'PROXY01');
    assert.ok(proxied.some((row) => row['SourceUserName'] === 'CORP\\jdoe'));
    assert.ok(proxied.some((row) => row['DeviceAction'] === 'TCP_DENIED'));
    const denied = rows.filter(
      (row) => row['DeviceName'] === 'FW01' && row['DeviceAction'] !== 'allow',
    );
    assert.ok(denied.length > 5);
    assert.ok(denied.every((row) => row['DestinationIP'] === '198.51.100.24'));
  });
});
