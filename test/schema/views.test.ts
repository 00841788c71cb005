import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { DuckDBEngine } from '../../src/engine/duckdb/engine.js';
import type { Value } from '../../src/engine/engine.js';
import { and, call, col, eq, lit } from '../../src/plan/expr.js';
import { installViews, viewCatalog } from '../../src/schema/views/install.js';
import { DuckDBCompiler } from '../../src/sql/duckdb.js';
import { insertEvent, sampleStore, WMIC_4688 } from './store-fixture.js';

let engine: DuckDBEngine;

before(async () => {
  engine = await sampleStore();
  await insertEvent(engine, {
    ...WMIC_4688,
    id: '00000000-0000-0000-0000-0000000000e5',
    system: { ...WMIC_4688.system, EventRecordID: 1002, Computer: 'WKS02.corp.local' },
    data: { ...WMIC_4688.data, CommandLine: 'cmd /c echo a&b > "out.txt"' },
  });
  await installViews(engine);
});

after(async () => {
  await engine.close();
});

/** The rows of a query as objects keyed by column name. */
async function rows(sql: string): Promise<Record<string, Value>[]> {
  const result = await engine.query(sql);
  return result.rows.map((row) =>
    Object.fromEntries(result.columns.map((c, i) => [c.name, row[i] ?? null])),
  );
}

async function one(sql: string): Promise<Record<string, Value>> {
  const found = await rows(sql);
  assert.equal(found.length, 1, `expected one row from ${sql}`);
  return found[0]!;
}

describe('SecurityEvent', () => {
  it('holds the Security-channel events and nothing else', async () => {
    const found = await rows(`SELECT EventID FROM SecurityEvent ORDER BY EventID`);
    assert.deepEqual(
      found.map((r) => r.EventID),
      [4624, 4672, 4688, 4688],
    );
  });

  it('shows the creator of a 4688 as Account, with the command line', async () => {
    const row = await one(
      `SELECT Account, AccountType, Activity, CommandLine, Process, SubjectAccount, TargetAccount,
              Computer, EventSourceName, Level, Keywords, Type, SourceSystem
       FROM SecurityEvent WHERE EventRecordId = '1001'`,
    );
    assert.deepEqual(row, {
      Account: 'CORP\\jdoe',
      AccountType: 'User',
      Activity: '4688 - A new process has been created.',
      CommandLine: 'wmic /node:10.0.0.5 process call create "cmd.exe /c whoami"',
      Process: 'WMIC.exe',
      SubjectAccount: 'CORP\\jdoe',
      TargetAccount: '-\\-',
      Computer: 'WKS01.corp.local',
      EventSourceName: 'Microsoft-Windows-Security-Auditing',
      Level: '8',
      Keywords: '0x8020000000000000',
      Type: 'SecurityEvent',
      SourceSystem: 'Quarry',
    });
  });

  it('finds the 4688 with the seed hunt, compiled from a plan expression', async () => {
    const compiler = new DuckDBCompiler();
    const where = and(
      eq(col('EventID'), 4688),
      call('endsWithIgnoreCase', col('NewProcessName'), lit('wmic.exe')),
      call('containsIgnoreCase', col('CommandLine'), lit('process call create')),
    );
    const found = await rows(
      `SELECT TimeGenerated, Account, Computer, CommandLine FROM SecurityEvent
       WHERE ${compiler.compile(where)}`,
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.Account, 'CORP\\jdoe');
    assert.equal(found[0]!.Computer, 'WKS01.corp.local');
  });

  it('shows the target of a 4624 as Account, with a typed logon type', async () => {
    const row = await one(
      `SELECT Account, TargetAccount, LogonType, LogonTypeName, IpAddress, Process
       FROM SecurityEvent WHERE EventID = 4624`,
    );
    assert.deepEqual(row, {
      Account: 'CORP\\jdoe',
      TargetAccount: 'CORP\\jdoe',
      LogonType: 3,
      LogonTypeName: '3 - Network',
      IpAddress: '10.0.0.5',
      Process: null,
    });
  });

  it('renders EventData as the event XML, escaping markup in values', async () => {
    const row = await one(
      `SELECT EventData FROM SecurityEvent WHERE Computer = 'WKS02.corp.local'`,
    );
    const xml = String(row.EventData);
    assert.ok(
      xml.startsWith('<EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event">'),
    );
    assert.ok(xml.includes('<Data Name="SubjectUserName">jdoe</Data>'));
    assert.ok(xml.includes('<Data Name="CommandLine">cmd /c echo a&amp;b &gt; "out.txt"</Data>'));
    assert.ok(xml.endsWith('<Data Name="MandatoryLabel">S-1-16-12288</Data></EventData>'));
  });

  it('leaves exporter keys of a whole exported row out of EventData', async () => {
    const row = await one(`SELECT EventData, Account FROM SecurityEvent WHERE EventID = 4672`);
    const names = [...String(row.EventData).matchAll(/<Data Name="([^"]*)">/g)].map((m) => m[1]);
    assert.deepEqual(names, [
      'SubjectUserSid',
      'SubjectUserName',
      'SubjectDomainName',
      'SubjectLogonId',
      'PrivilegeList',
    ]);
    assert.equal(row.Account, 'NT AUTHORITY\\SYSTEM');
  });
});

describe('the Defender views', () => {
  it('names the file as written in DeviceProcessEvents, so == is case-sensitive', async () => {
    const exact = await rows(
      `SELECT FileName FROM DeviceProcessEvents WHERE FileName = 'wmic.exe'`,
    );
    assert.equal(exact.length, 0);

    const found = await rows(
      `SELECT FileName, FolderPath, ProcessId, InitiatingProcessAccountName, DeviceName, ReportId
       FROM DeviceProcessEvents WHERE lower(FileName) = 'wmic.exe' ORDER BY ReportId`,
    );
    assert.deepEqual(
      found.map((r) => [r.FileName, r.ProcessId, r.InitiatingProcessAccountName, r.DeviceName]),
      [
        ['WMIC.exe', 6700n, 'jdoe', 'wks01.corp.local'],
        ['WMIC.exe', 6700n, 'jdoe', 'wks02.corp.local'],
        ['WMIC.exe', 6700n, null, 'wks01.corp.local'],
      ],
    );
  });

  it('derives process details from Sysmon 1 and from 4688', async () => {
    const sysmon = await one(
      `SELECT SHA1, MD5, AccountDomain, AccountName, LogonId, InitiatingProcessFileName,
              ProcessIntegrityLevel, ActionType
       FROM DeviceProcessEvents WHERE ReportId = 3003`,
    );
    assert.deepEqual(sysmon, {
      SHA1: 'aaaa1111',
      MD5: 'bbbb2222',
      AccountDomain: 'CORP',
      AccountName: 'jdoe',
      LogonId: 0x5a3f1n,
      InitiatingProcessFileName: 'cmd.exe',
      ProcessIntegrityLevel: 'High',
      ActionType: 'ProcessCreated',
    });

    const security = await one(
      `SELECT ProcessIntegrityLevel, ProcessTokenElevation, InitiatingProcessId, AccountName
       FROM DeviceProcessEvents WHERE ReportId = 1001`,
    );
    assert.deepEqual(security, {
      ProcessIntegrityLevel: 'High',
      ProcessTokenElevation: 'TokenElevationTypeDefault',
      InitiatingProcessId: 0x99cn,
      AccountName: 'jdoe',
    });
  });

  it('shows a network logon in DeviceLogonEvents', async () => {
    const row = await one(
      `SELECT ActionType, LogonType, AccountName, AccountDomain, RemoteIP, RemoteIPType,
              RemotePort, RemoteDeviceName, Protocol, InitiatingProcessAccountName
       FROM DeviceLogonEvents`,
    );
    assert.deepEqual(row, {
      ActionType: 'LogonSuccess',
      LogonType: 'Network',
      AccountName: 'jdoe',
      AccountDomain: 'CORP',
      RemoteIP: '10.0.0.5',
      RemoteIPType: 'Private',
      RemotePort: 49812,
      RemoteDeviceName: 'WKS01',
      Protocol: 'NTLM',
      InitiatingProcessAccountName: null,
    });
  });
});

describe('the Windows event tables', () => {
  it('puts Sysmon and System events in Event, with the DataItem XML', async () => {
    const found = await rows(
      `SELECT Source, EventLog, EventID, EventData, ParameterXml FROM Event ORDER BY EventID`,
    );
    assert.deepEqual(
      found.map((r) => [r.Source, r.EventID]),
      [
        ['Microsoft-Windows-Sysmon', 1],
        ['Service Control Manager', 7045],
      ],
    );
    const service = found[1]!;
    assert.ok(String(service.EventData).startsWith('<DataItem type="System.XmlData"'));
    assert.ok(String(service.EventData).includes('<Data Name="ServiceName">PSEXESVC</Data>'));
    assert.ok(String(service.ParameterXml).startsWith('<Param>PSEXESVC</Param>'));
  });

  it('puts every Windows event in WindowsEvent, its event data as an object', async () => {
    const found = await rows(`SELECT EventID, EventData FROM WindowsEvent ORDER BY EventID`);
    assert.deepEqual(
      found.map((r) => r.EventID),
      [1, 4624, 4672, 4688, 4688, 7045],
    );
    const flat = found.find((r) => r.EventID === 4672)!;
    assert.deepEqual(Object.keys(flat.EventData as object), [
      'SubjectUserSid',
      'SubjectUserName',
      'SubjectDomainName',
      'SubjectLogonId',
      'PrivilegeList',
    ]);
  });

  it('gives each Sysmon field a column in SysmonEvent', async () => {
    const row = await one(`SELECT Image, User, ParentImage, Hashes, EventID FROM SysmonEvent`);
    assert.equal(row.Image, 'C:\\Windows\\System32\\wbem\\WMIC.exe');
    assert.equal(row.User, 'CORP\\jdoe');
    assert.equal(row.EventID, 1);
  });
});

describe('views of rows kept whole', () => {
  it('types CommonSecurityLog columns as Sentinel does', async () => {
    const row = await one(
      `SELECT DeviceVendor, DestinationPort, SentBytes, TimeGenerated, Type FROM CommonSecurityLog`,
    );
    assert.equal(row.DeviceVendor, 'Palo Alto Networks');
    assert.equal(row.DestinationPort, 443);
    assert.equal(row.SentBytes, 1200n);
    assert.equal(row.Type, 'CommonSecurityLog');
  });

  it('gives another kept table a view of its own, with the columns seen', async () => {
    const row = await one(`SELECT SyslogMessage, Facility, ProcessID, Type FROM Syslog`);
    assert.deepEqual(row, {
      SyslogMessage: 'Accepted publickey for root from 10.0.0.5',
      Facility: 'auth',
      ProcessID: 912n,
      Type: 'Syslog',
    });
  });
});

describe('the view catalog', () => {
  it('lists every view with its columns and Kusto types', async () => {
    const catalog = await viewCatalog(engine);
    const names = catalog.map((v) => `${v.schema}.${v.name}`);
    for (const name of [
      'main.SecurityEvent',
      'main.DeviceProcessEvents',
      'main.Event',
      'main.WindowsEvent',
      'main.SysmonEvent',
      'main.CommonSecurityLog',
      'main.Syslog',
      'splunk.windows',
      'splunk.network',
    ]) {
      assert.ok(names.includes(name), name);
    }
    const syslog = catalog.find((v) => v.name === 'Syslog')!;
    assert.deepEqual(
      syslog.columns.find((c) => c.name === 'ProcessID'),
      { name: 'ProcessID', sqlName: 'ProcessID', type: 'long' },
    );
    assert.equal(catalog.find((v) => v.name === 'windows')!.timeColumn, '_time');
  });

  it('matches the columns DuckDB reports for each installed view', async () => {
    for (const view of await viewCatalog(engine)) {
      const result = await engine.query(`SELECT * FROM "${view.schema}"."${view.name}" LIMIT 0`);
      assert.deepEqual(
        result.columns.map((c) => c.name),
        view.columns.map((c) => c.sqlName),
        view.name,
      );
    }
  });
});
