import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANCHOR, SYSMON, demoAt, eventsOf, rowsOf, timeOf } from './demo-fixture.js';

const { demo, items } = demoAt();
const events = eventsOf(items);
const rows = rowsOf(items);

const ISO_7 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;

/** Event-data field names, in order, as Windows writes them for the events the demo makes. */
const FIELDS: Record<string, readonly string[]> = {
  'Security/4688': [
    'SubjectUserSid',
    'SubjectUserName',
    'SubjectDomainName',
    'SubjectLogonId',
    'NewProcessId',
    'NewProcessName',
    'TokenElevationType',
    'ProcessId',
    'CommandLine',
    'TargetUserSid',
    'TargetUserName',
    'TargetDomainName',
    'TargetLogonId',
    'ParentProcessName',
    'MandatoryLabel',
  ],
  'Security/4624': [
    'SubjectUserSid',
    'SubjectUserName',
    'SubjectDomainName',
    'SubjectLogonId',
    'TargetUserSid',
    'TargetUserName',
    'TargetDomainName',
    'TargetLogonId',
    'LogonType',
    'LogonProcessName',
    'AuthenticationPackageName',
    'WorkstationName',
    'LogonGuid',
    'TransmittedServices',
    'LmPackageName',
    'KeyLength',
    'ProcessId',
    'ProcessName',
    'IpAddress',
    'IpPort',
    'ImpersonationLevel',
    'RestrictedAdminMode',
    'TargetOutboundUserName',
    'TargetOutboundDomainName',
    'VirtualAccount',
    'TargetLinkedLogonId',
    'ElevatedToken',
  ],
  'Security/4625': [
    'SubjectUserSid',
    'SubjectUserName',
    'SubjectDomainName',
    'SubjectLogonId',
    'TargetUserSid',
    'TargetUserName',
    'TargetDomainName',
    'Status',
    'FailureReason',
    'SubStatus',
    'LogonType',
    'LogonProcessName',
    'AuthenticationPackageName',
    'WorkstationName',
    'TransmittedServices',
    'LmPackageName',
    'KeyLength',
    'ProcessId',
    'ProcessName',
    'IpAddress',
    'IpPort',
  ],
  'Security/4634': [
    'TargetUserSid',
    'TargetUserName',
    'TargetDomainName',
    'TargetLogonId',
    'LogonType',
  ],
  'Security/4648': [
    'SubjectUserSid',
    'SubjectUserName',
    'SubjectDomainName',
    'SubjectLogonId',
    'LogonGuid',
    'TargetUserName',
    'TargetDomainName',
    'TargetLogonGuid',
    'TargetServerName',
    'TargetInfo',
    'ProcessId',
    'ProcessName',
    'IpAddress',
    'IpPort',
  ],
  'Security/4672': [
    'SubjectUserSid',
    'SubjectUserName',
    'SubjectDomainName',
    'SubjectLogonId',
    'PrivilegeList',
  ],
  'Security/4697': [
    'SubjectUserSid',
    'SubjectUserName',
    'SubjectDomainName',
    'SubjectLogonId',
    'ServiceName',
    'ServiceFileName',
    'ServiceType',
    'ServiceStartType',
    'ServiceAccount',
  ],
  'System/7045': ['ServiceName', 'ImagePath', 'ServiceType', 'StartType', 'AccountName'],
  [`${SYSMON}/1`]: [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'Image',
    'FileVersion',
    'Description',
    'Product',
    'Company',
    'OriginalFileName',
    'CommandLine',
    'CurrentDirectory',
    'User',
    'LogonGuid',
    'LogonId',
    'TerminalSessionId',
    'IntegrityLevel',
    'Hashes',
    'ParentProcessGuid',
    'ParentProcessId',
    'ParentImage',
    'ParentCommandLine',
    'ParentUser',
  ],
  [`${SYSMON}/3`]: [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'Image',
    'User',
    'Protocol',
    'Initiated',
    'SourceIsIpv6',
    'SourceIp',
    'SourceHostname',
    'SourcePort',
    'SourcePortName',
    'DestinationIsIpv6',
    'DestinationIp',
    'DestinationHostname',
    'DestinationPort',
    'DestinationPortName',
  ],
  [`${SYSMON}/11`]: [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'Image',
    'TargetFilename',
    'CreationUtcTime',
    'User',
  ],
  [`${SYSMON}/22`]: [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'QueryName',
    'QueryStatus',
    'QueryResults',
    'Image',
    'User',
  ],
};

/** Task, version and keywords each Security event carries. */
const SECURITY_SYSTEM: Record<number, readonly [number, number, string]> = {
  4624: [12544, 2, '0x8020000000000000'],
  4625: [12544, 0, '0x8010000000000000'],
  4634: [12545, 0, '0x8020000000000000'],
  4648: [12544, 0, '0x8020000000000000'],
  4672: [12548, 0, '0x8020000000000000'],
  4688: [13312, 2, '0x8020000000000000'],
  4697: [12289, 0, '0x8020000000000000'],
  4720: [13824, 0, '0x8020000000000000'],
};

describe('the demo items', () => {
  it('come in time order, all inside the window', () => {
    const start = ANCHOR.getTime() - 3 * 86_400_000;
    let previous = -Infinity;
    for (const item of items) {
      const time = timeOf(item);
      assert.ok(time >= previous, `item ${item.position} goes back in time`);
      assert.ok(
        time >= start && time < ANCHOR.getTime(),
        `item ${item.position} is outside the window`,
      );
      previous = time;
    }
  });

  it('hold tens of thousands of events and thousands of rows, as the story counts them', () => {
    assert.ok(events.length >= 30_000 && events.length <= 60_000, `${events.length} events`);
    assert.ok(rows.length >= 3_000, `${rows.length} rows`);
    assert.equal(demo.story.counts.events, events.length);
    assert.equal(demo.story.counts.rows, rows.length);

    const channels = new Map<string, number>();
    for (const event of events) {
      channels.set(
        String(event.System.Channel),
        (channels.get(String(event.System.Channel)) ?? 0) + 1,
      );
    }
    assert.deepEqual(Object.fromEntries(channels), demo.story.counts.channels);
    assert.ok((demo.story.counts.devices['PROXY01'] ?? 0) > 1_000);
    assert.ok((demo.story.counts.devices['FW01'] ?? 0) > 1_000);
  });

  it('give every event the System fields the stored layout needs', () => {
    for (const { System: system } of events) {
      assert.match(String(system.TimeCreated), ISO_7);
      assert.ok(system.Provider && system.Channel && typeof system.EventID === 'number');
      assert.match(String(system.Computer), /^[A-Z0-9]+\.corp\.example\.com$/);
      assert.equal(typeof system.EventRecordID, 'number');
      assert.equal(typeof system.ProcessID, 'number');
      assert.equal(typeof system.ThreadID, 'number');
    }
  });

  it('number each machine log without gaps, in time order', () => {
    const last = new Map<string, number>();
    for (const { System: system } of events) {
      const key = `${system.Computer}|${system.Channel}`;
      const id = Number(system.EventRecordID);
      const before = last.get(key);
      if (before !== undefined) assert.equal(id, before + 1, key);
      last.set(key, id);
    }
    const logs = [...last.keys()];
    assert.equal(logs.filter((key) => key.endsWith('|Security')).length, 12);
    assert.equal(logs.filter((key) => key.endsWith(`|${SYSMON}`)).length, 12);
  });

  it('write the event-data fields each event and version has, in Windows order', () => {
    const seen = new Set<string>();
    for (const event of events) {
      const key = `${event.System.Channel}/${event.System.EventID}`;
      const expected = FIELDS[key];
      if (!expected) continue;
      seen.add(key);
      assert.deepEqual(Object.keys(event.EventData), expected, key);
    }
    assert.deepEqual([...seen].sort(), Object.keys(FIELDS).sort());
  });

  it('fill in each provider the way Windows does', () => {
    for (const { System: system } of events) {
      if (system.Channel === 'Security') {
        const [task, version, keywords] = SECURITY_SYSTEM[system.EventID ?? 0] ?? [];
        assert.deepEqual(
          [system.Task, system.Version, system.Keywords, system.Level],
          [task, version, keywords, 0],
        );
        assert.equal(system.Provider, 'Microsoft-Windows-Security-Auditing');
      } else if (system.Channel === SYSMON) {
        assert.equal(system.Provider, 'Microsoft-Windows-Sysmon');
        assert.equal(system.ProviderGuid, '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}');
        assert.equal(system.Task, system.EventID);
        assert.equal(system.Level, 4);
        assert.equal(system.Keywords, '0x8000000000000000');
      } else {
        assert.equal(system.Channel, 'System');
        assert.deepEqual(
          [
            system.Provider,
            system.EventSourceName,
            system.ProviderGuid,
            system.EventID,
            system.Qualifiers,
            system.Level,
          ],
          [
            'Service Control Manager',
            'Service Control Manager',
            '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
            7045,
            16384,
            4,
          ],
        );
      }
    }
  });

  it('write logon events from lsass.exe and process creation from the kernel', () => {
    const lsass = new Map<string, number>();
    for (const { System: system } of events) {
      if (system.Channel !== 'Security') continue;
      if (system.EventID === 4688) {
        assert.equal(system.ProcessID, 4);
        continue;
      }
      const pid = Number(system.ProcessID);
      assert.ok(pid >= 600 && pid <= 760, `lsass pid ${pid}`);
      const known = lsass.get(String(system.Computer)) ?? pid;
      assert.equal(pid, known);
      lsass.set(String(system.Computer), pid);
    }
  });

  it('write hexadecimal process ids in 4688 and decimal ones in Sysmon', () => {
    for (const event of events) {
      if (event.System.EventID === 4688) {
        assert.match(String(event.EventData['NewProcessId']), /^0x[0-9a-f]+$/);
        assert.match(String(event.EventData['ProcessId']), /^0x[0-9a-f]+$/);
      } else if (event.System.Channel === SYSMON && event.System.EventID === 1) {
        assert.match(String(event.EventData['ProcessId']), /^\d+$/);
        assert.match(
          String(event.EventData['ProcessGuid']),
          /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/,
        );
        assert.match(
          String(event.EventData['Hashes']),
          /^SHA1=[0-9A-F]{40},MD5=[0-9A-F]{32},SHA256=[0-9A-F]{64},IMPHASH=[0-9A-F]{32}$/,
        );
      }
    }
  });

  it('shape proxy and firewall rows like CommonSecurityLog', () => {
    for (const row of rows) {
      assert.equal(row['Type'], 'CommonSecurityLog');
      assert.match(String(row['TimeGenerated']), ISO_7);
      assert.ok(
        row['Computer'] === 'PROXY01.corp.example.com' ||
          row['Computer'] === 'FW01.corp.example.com',
      );
      assert.equal(typeof row['SourcePort'], 'number');
      assert.equal(typeof row['DestinationPort'], 'number');
      assert.ok(row['DeviceAction']);
    }
    const actions = new Set(rows.map((row) => String(row['DeviceAction'])));
    for (const action of ['allow', 'deny', 'TCP_TUNNELED', 'TCP_MISS', 'TCP_DENIED']) {
      assert.ok(actions.has(action), action);
    }
  });
});
