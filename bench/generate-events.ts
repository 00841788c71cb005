/**
 * Generates N Windows events as NDJSON in the flat shape NXLog and Logstash export (the shape
 * of the OTRF Security-Datasets): Sysmon process and network events, Security process
 * creations and logons, each row one line.
 */
import { createWriteStream } from 'node:fs';

const HOSTS = ['WS01', 'WS02', 'WS03', 'WS04', 'DC01', 'FS01', 'WEB01', 'SQL01'].map(
  (h) => `${h}.corp.example.com`,
);
const USERS = ['jdoe', 'asmith', 'bwayne', 'ckent', 'dprince', 'admin'];
const IMAGES = [
  'C:\\Windows\\System32\\cmd.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Windows\\System32\\svchost.exe',
  'C:\\Windows\\System32\\wbem\\WMIC.exe',
];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function event(i: number, start: number): Record<string, unknown> {
  const ms = start + i * 250;
  const host = pick(HOSTS, i * 7);
  const user = pick(USERS, i * 13);
  const image = pick(IMAGES, i * 3);
  const base = {
    EventTime: iso(ms).replace('T', ' ').slice(0, 19),
    EventReceivedTime: iso(ms + 1000)
      .replace('T', ' ')
      .slice(0, 19),
    '@timestamp': iso(ms + 1000),
    Hostname: host,
    RecordNumber: 100000 + i,
    Keywords: -9214364837600034816,
    SeverityValue: 2,
    Severity: 'INFO',
    ExecutionProcessID: 4,
    ThreadID: 4000 + (i % 97),
    SourceModuleName: 'eventlog',
    SourceModuleType: 'im_msvistalog',
  };
  switch (i % 4) {
    case 0:
      return {
        ...base,
        EventID: 1,
        SourceName: 'Microsoft-Windows-Sysmon',
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        ProviderGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
        Version: 5,
        Task: 1,
        UtcTime: iso(ms).replace('T', ' ').slice(0, 23),
        ProcessGuid:
          `{f3329a35-1c6c-627e-${(i % 65536).toString(16).padStart(4, '0')}` + '-000000000600}',
        ProcessId: String(2000 + (i % 30000)),
        Image: image,
        OriginalFileName: image.split('\\').pop(),
        CommandLine: `"${image}" /c echo ${i}`,
        CurrentDirectory: 'C:\\Windows\\system32\\',
        User: `CORP\\${user}`,
        LogonId: '0x3e7',
        IntegrityLevel: 'High',
        Hashes: `SHA1=${(i * 2654435761).toString(16).padStart(40, '0')}`,
        ParentImage: 'C:\\Windows\\explorer.exe',
        ParentCommandLine: 'C:\\Windows\\Explorer.EXE',
      };
    case 1:
      return {
        ...base,
        EventID: 3,
        SourceName: 'Microsoft-Windows-Sysmon',
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Version: 5,
        Task: 3,
        Image: image,
        User: `CORP\\${user}`,
        Protocol: 'tcp',
        Initiated: 'true',
        SourceIp: `10.20.1.${i % 250}`,
        SourcePort: String(49152 + (i % 16000)),
        DestinationIp: `10.20.0.${i % 20}`,
        DestinationPort: '443',
      };
    case 2:
      return {
        ...base,
        EventID: 4688,
        SourceName: 'Microsoft-Windows-Security-Auditing',
        Channel: 'Security',
        Version: 2,
        Task: 13312,
        SubjectUserSid: 'S-1-5-21-1004336348-1177238915-682003330-1104',
        SubjectUserName: user,
        SubjectDomainName: 'CORP',
        SubjectLogonId: '0x3e7',
        NewProcessId: `0x${(0x1000 + i).toString(16)}`,
        NewProcessName: image,
        TokenElevationType: '%%1936',
        ProcessId: '0x2b0',
        CommandLine: `"${image}" -k netsvcs -p ${i % 13}`,
        ParentProcessName: 'C:\\Windows\\System32\\services.exe',
        MandatoryLabel: 'S-1-16-16384',
      };
    default:
      return {
        ...base,
        EventID: 4624,
        SourceName: 'Microsoft-Windows-Security-Auditing',
        Channel: 'Security',
        Version: 2,
        Task: 12544,
        TargetUserSid: 'S-1-5-21-1004336348-1177238915-682003330-1105',
        TargetUserName: user,
        TargetDomainName: 'CORP',
        TargetLogonId: `0x${(i * 7919).toString(16)}`,
        LogonType: String(pick([2, 3, 3, 3, 10], i)),
        LogonProcessName: 'Kerberos',
        AuthenticationPackageName: 'Kerberos',
        IpAddress: `10.20.1.${i % 250}`,
        IpPort: String(49152 + (i % 16000)),
      };
  }
}

/** Writes `count` events to `path`; returns the file's size in bytes. */
export async function generateEvents(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  const start = Date.parse('2026-11-01T00:00:00Z');
  let bytes = 0;
  for (let i = 0; i < count; i += 1000) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) lines.push(JSON.stringify(event(j, start)));
    const chunk = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  return bytes;
}
