import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { DuckDBEngine } from '../../src/engine/duckdb/engine.js';
import type { Value } from '../../src/engine/engine.js';
import { InputError } from '../../src/errors.js';
import { installViews, viewCatalog } from '../../src/schema/views/install.js';
import { SAMPLE_EVENTS, sampleStore } from './store-fixture.js';

let engine: DuckDBEngine;

before(async () => {
  engine = await sampleStore();
});

after(async () => {
  await engine.close();
});

async function rows(sql: string): Promise<Record<string, Value>[]> {
  const result = await engine.query(sql);
  return result.rows.map((row) =>
    Object.fromEntries(result.columns.map((c, i) => [c.name, row[i] ?? null])),
  );
}

/** The SQL name of a Splunk field of an index view. */
async function sqlName(index: string, field: string): Promise<string> {
  const view = (await viewCatalog(engine)).find((v) => v.schema === 'splunk' && v.name === index);
  const column = view?.columns.find((c) => c.name === field);
  assert.ok(column, `${index} has no field ${field}`);
  return `"${column.sqlName}"`;
}

describe('Splunk indexes with the default XmlWinEventLog rendering', () => {
  before(async () => {
    await installViews(engine);
  });

  it('holds each event in exactly one index', async () => {
    const found = await rows(
      `SELECT _ItemId FROM splunk.windows UNION ALL SELECT _ItemId FROM splunk.network`,
    );
    const ids = found.map((r) => r._ItemId).sort();
    assert.deepEqual(
      ids,
      SAMPLE_EVENTS.filter((e) => e.table !== 'Syslog')
        .map((e) => e.id)
        .sort(),
    );
  });

  it('shows a 4688 under both families of field names', async () => {
    const [row] = await rows(
      `SELECT EventCode, EventID, New_Process_Name, NewProcessName, CommandLine,
              Process_Command_Line, ParentProcessName, Creator_Process_Name, ComputerName,
              Computer, Account_Name, SubjectUserName, sourcetype, source, index, host
       FROM splunk.windows WHERE EventID = 4688`,
    );
    assert.deepEqual(row, {
      EventCode: 4688n,
      EventID: 4688n,
      New_Process_Name: 'C:\\Windows\\System32\\wbem\\WMIC.exe',
      NewProcessName: 'C:\\Windows\\System32\\wbem\\WMIC.exe',
      CommandLine: 'wmic /node:10.0.0.5 process call create "cmd.exe /c whoami"',
      Process_Command_Line: 'wmic /node:10.0.0.5 process call create "cmd.exe /c whoami"',
      ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
      Creator_Process_Name: 'C:\\Windows\\System32\\cmd.exe',
      ComputerName: 'WKS01.corp.local',
      Computer: 'WKS01.corp.local',
      Account_Name: ['jdoe', '-'],
      SubjectUserName: 'jdoe',
      sourcetype: 'XmlWinEventLog',
      source: 'XmlWinEventLog:Security',
      index: 'windows',
      host: 'WKS01.corp.local',
    });
  });

  it('splits the seed search by each Account_Name value', async () => {
    const found = await rows(
      `SELECT Account_Name, ComputerName, count(*) AS count
       FROM (SELECT unnest(CAST(Account_Name AS VARCHAR[])) AS Account_Name, ComputerName
             FROM splunk.windows
             WHERE EventID = 4688 AND lower(New_Process_Name) LIKE '%\\wmic.exe'
               AND lower(CommandLine) LIKE '%process call create%')
       GROUP BY ALL ORDER BY Account_Name`,
    );
    assert.deepEqual(
      found.map((r) => [r.Account_Name, r.ComputerName, r.count]),
      [
        ['-', 'WKS01.corp.local', 1n],
        ['jdoe', 'WKS01.corp.local', 1n],
      ],
    );
  });

  it('renders _raw as the event XML', async () => {
    const [row] = await rows(`SELECT _raw, linecount FROM splunk.windows WHERE EventID = 4688`);
    const raw = String(row!._raw);
    assert.ok(
      raw.startsWith("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"),
    );
    assert.ok(raw.includes("<TimeCreated SystemTime='2024-03-01T10:00:00.1234567Z'/>"));
    assert.ok(raw.includes('<Keywords>0x8020000000000000</Keywords>'));
    assert.ok(
      raw.includes("<Data Name='NewProcessName'>C:\\Windows\\System32\\wbem\\WMIC.exe</Data>"),
    );
    assert.ok(raw.endsWith('</EventData></Event>'));
    assert.equal(row!.linecount, 1n);
  });

  it('names Windows eventtypes by channel and event code', async () => {
    const found = await rows(`SELECT EventCode, eventtype FROM splunk.windows ORDER BY EventCode`);
    const byCode = new Map(found.map((r) => [Number(r.EventCode), r.eventtype as string[]]));
    assert.ok(byCode.get(4688)!.includes('windows_process_new'));
    assert.ok(byCode.get(4688)!.includes('wineventlog_security'));
    assert.ok(byCode.get(4624)!.includes('windows_logon_success'));
    assert.ok(byCode.get(1)!.includes('ms-sysmon-process'));
    assert.ok(byCode.get(7045)!.includes('windows_endpoint_services'));
  });

  it('keeps the add-ons CIM fields apart from Windows fields spelt alike', async () => {
    const user = await sqlName('windows', 'user');
    const newProcessName = await sqlName('windows', 'new_process_name');
    const processName = await sqlName('windows', 'process_name');
    const [row] = await rows(
      `SELECT ${user} AS cim_user, User, ${newProcessName} AS cim_name, New_Process_Name,
              ${processName} AS process_name, parent_process_name, dest
       FROM splunk.windows WHERE EventID = 4688`,
    );
    assert.deepEqual(row, {
      cim_user: 'jdoe',
      User: null,
      cim_name: 'WMIC.exe',
      New_Process_Name: 'C:\\Windows\\System32\\wbem\\WMIC.exe',
      process_name: 'WMIC.exe',
      parent_process_name: 'cmd.exe',
      dest: 'WKS01.corp.local',
    });
  });

  it('shows firewall rows in the network index as CEF', async () => {
    const [row] = await rows(
      `SELECT _raw, src, dst, dpt, act, request, sourcetype, index FROM splunk.network`,
    );
    assert.deepEqual(row, {
      _raw:
        'CEF:0|Palo Alto Networks|PAN-OS|10.1|TRAFFIC|TRAFFIC\\|end|3|act=allow proto=TCP ' +
        'src=10.0.0.5 spt=50123 dst=203.0.113.9 dpt=443 request=https://example.test/q?a\\=b ' +
        'in=5300 out=1200',
      src: '10.0.0.5',
      dst: '203.0.113.9',
      dpt: 443n,
      act: 'allow',
      request: 'https://example.test/q?a=b',
      sourcetype: 'cef',
      index: 'network',
    });
  });
});

describe('Splunk indexes with the classic WinEventLog rendering', () => {
  before(async () => {
    await installViews(engine, {
      splunk: { sourcetype: 'WinEventLog', windowsIndex: 'wineventlog', networkIndex: 'network' },
    });
  });

  it('renders _raw as header lines and the message', async () => {
    const [row] = await rows(
      `SELECT _raw, linecount, Keywords, source, sourcetype FROM splunk.wineventlog
       WHERE EventCode = 4624`,
    );
    const lines = String(row!._raw).split('\n');
    assert.deepEqual(lines.slice(0, 12), [
      '03/01/2024 09:59:58 AM',
      'LogName=Security',
      'EventCode=4624',
      'EventType=0',
      'ComputerName=SRV01.corp.local',
      'SourceName=Microsoft Windows security auditing.',
      'Type=Information',
      'RecordNumber=2002',
      'Keywords=Audit Success',
      'TaskCategory=Logon',
      'OpCode=Info',
      'Message=An account was successfully logged on.',
    ]);
    assert.ok(lines.includes('TargetUserName: jdoe'));
    assert.equal(row!.linecount, BigInt(lines.length));
    assert.equal(row!.Keywords, 'Audit Success');
    assert.equal(row!.source, 'WinEventLog:Security');
    assert.equal(row!.sourcetype, 'WinEventLog');
  });

  it('drops the index views of the previous configuration', async () => {
    const found = await rows(
      `SELECT view_name FROM duckdb_views() WHERE schema_name = 'splunk' ORDER BY view_name`,
    );
    assert.deepEqual(
      found.map((r) => r.view_name),
      ['network', 'wineventlog'],
    );
  });

  it('refuses an index name Splunk would not accept', async () => {
    await assert.rejects(
      installViews(engine, {
        splunk: { sourcetype: 'WinEventLog', windowsIndex: 'Win Events', networkIndex: 'network' },
      }),
      InputError,
    );
  });
});
