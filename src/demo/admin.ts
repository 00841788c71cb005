/**
 * The administrator's day: Remote Desktop sessions from the IT workstation to the servers as
 * `admin`, ordinary maintenance there (WMIC and PowerShell against the local machine, directory
 * and replication tools), and new starters' accounts created on the domain controller.
 */
import type { Identity } from './accounts.js';
import { MINUTE, MS, SECOND } from './clock.js';
import { activeSpans, type DeskSession, type Workday } from './desk.js';
import { DOMAIN, NEW_USERS, domainSid, type UserSpec } from './estate.js';
import type { ImageName } from './images.js';
import { explicitCredentials, logOff, logOn } from './logon.js';
import type { Machine, Proc } from './machine.js';
import { spawn } from './process.js';
import type { Rng } from './random.js';
import { connection } from './telemetry.js';
import type { World } from './world.js';

type Task = readonly [ImageName, string];

const ps = (command: string): Task => [
  'powershell',
  `powershell.exe -NoProfile -Command "${command}"`,
];

/** Maintenance every server gets. Every WMIC here stays on the local machine. */
const COMMON_TASKS: readonly Task[] = [
  ['wmic', 'wmic os get caption,version,lastbootuptime'],
  ['wmic', 'wmic logicaldisk get caption,size,freespace'],
  ['wmic', 'wmic /node:localhost process list brief'],
  ['wmic', 'wmic qfe list brief /format:table'],
  ['wmic', `wmic /node:"127.0.0.1" service where "name='Spooler'" get name,state,startmode`],
  ['wmic', 'wmic computersystem get model,manufacturer,totalphysicalmemory'],
  ['wmic', 'wmic cpu get loadpercentage'],
  ['ipconfig', 'ipconfig /all'],
  ['netstat', 'netstat -ano'],
  ['whoami', 'whoami /groups'],
  ['tasklist', 'tasklist /svc'],
  ['gpupdate', 'gpupdate /force'],
  ps("Get-Service | Where-Object {$_.Status -eq 'Stopped' -and $_.StartType -eq 'Automatic'}"),
  ps('Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 5'),
];

/** Maintenance particular to each server. */
const ROLE_TASKS: Readonly<Record<string, readonly Task[]>> = {
  DC01: [
    ['dcdiag', 'dcdiag /q'],
    ['repadmin', 'repadmin /replsummary'],
    ps("Get-ADUser -Filter 'Enabled -eq $false' | Select-Object Name,SamAccountName"),
    ps('Get-ADComputer -Filter * -Properties LastLogonDate | Sort-Object LastLogonDate'),
    ps("Get-ADGroupMember -Identity 'Domain Admins'"),
  ],
  FS01: [
    ps('Get-SmbShare'),
    ps('Get-SmbSession | Sort-Object NumOpens -Descending'),
    ['wmic', 'wmic /node:localhost share list brief'],
  ],
  SQL01: [
    ps('Get-Service -Name MSSQL* | Format-Table -AutoSize'),
    ps('Get-ChildItem D:\\Backup -Recurse | Measure-Object -Property Length -Sum'),
  ],
  WEB01: [
    ps('Import-Module WebAdministration; Get-WebAppPoolState -Name CorpPortal'),
    ps('Get-EventLog -LogName Application -Newest 50 -EntryType Error'),
  ],
};

const SERVERS = ['DC01', 'FS01', 'SQL01', 'WEB01'];

/**
 * Writes the administrator's remote sessions during one working day. On the first full days of
 * the window the first session is on the domain controller, to create a new starter's account.
 */
export function adminDay(
  world: World,
  rng: Rng,
  desk: DeskSession,
  plan: Workday,
  dayIndex: number,
): void {
  const spans = activeSpans(plan).filter(([from, to]) => to - from > 50 * MINUTE);
  if (spans.length === 0) return;

  const visits = rng.int(2, 4);
  for (let visit = 0; visit < visits; visit += 1) {
    const [from, to] = rng.pick(spans);
    const at = world.between(rng, from, to - 45 * MINUTE);
    const server = visit === 0 ? 'DC01' : rng.pick(SERVERS);
    const newUser = visit === 0 ? NEW_USERS[dayIndex - 1] : undefined;
    remoteSession(world, rng, desk, world.machine(server), at, newUser);
  }
}

function remoteSession(
  world: World,
  rng: Rng,
  desk: DeskSession,
  server: Machine,
  at: number,
  newUser: UserSpec | undefined,
): void {
  const workstation = desk.desk.machine;
  const client = spawn(world.rec, at, desk.explorer, {
    image: 'mstsc',
    commandLine: `"C:\\Windows\\system32\\mstsc.exe" /v:${server.fqdn}`,
  });

  const connectAt = at + rng.int(4, 15) * SECOND;
  explicitCredentials(world.rec, workstation, connectAt, {
    subject: desk.identity,
    targetUser: 'admin',
    targetDomain: DOMAIN.netbios,
    server: server.fqdn,
    info: `TERMSRV/${server.fqdn}`,
    process: client,
  });
  const port = connection(world.rec, connectAt, client, {
    ip: server.ip,
    port: 3389,
    hostname: server.fqdn,
  });

  const logonAt = connectAt + rng.int(1, 3) * SECOND;
  const explorer = remoteDesktop(world, rng, server, logonAt, {
    ip: workstation.ip,
    port,
    workstation: workstation.name,
  });
  let when = logonAt + rng.int(1, 3) * MINUTE;
  if (newUser) when = createAccount(world, rng, explorer, when, newUser);
  when = maintenance(world, rng, explorer, when);

  logOff(world.rec, server, when + rng.int(2, 15) * MINUTE, explorer.identity, 10);
}

/** A Remote Desktop logon as `admin`: a new session's winlogon, userinit and shell. */
function remoteDesktop(
  world: World,
  rng: Rng,
  server: Machine,
  at: number,
  client: { ip: string; port: number; workstation: string },
): Proc {
  const winlogon = spawn(world.rec, at - rng.int(300, 900) * MS, server.core.smss, {
    image: 'winlogon',
    commandLine: 'winlogon.exe',
  });
  const account = world.account('admin');
  const identity = logOn(world.rec, server, at, { kind: 'remote', account, via: winlogon, client });
  const userinit = spawn(world.rec, at + rng.int(1, 3) * SECOND, winlogon, {
    image: 'userinit',
    commandLine: 'C:\\Windows\\system32\\userinit.exe',
    identity,
    integrity: 'Medium',
    elevation: 'limited',
  });
  return spawn(world.rec, at + rng.int(3, 6) * SECOND, userinit, {
    image: 'explorer',
    commandLine: 'C:\\Windows\\Explorer.EXE',
  });
}

/** A few maintenance commands from an elevated console. Returns when the last one ran. */
function maintenance(world: World, rng: Rng, explorer: Proc, at: number): number {
  const powershell = rng.chance(0.5);
  const console = spawn(world.rec, at, explorer, {
    image: powershell ? 'powershell' : 'cmd',
    commandLine: powershell
      ? '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" '
      : '"C:\\Windows\\system32\\cmd.exe" ',
    cwd: 'C:\\Windows\\system32\\',
    integrity: 'High',
    elevation: 'full',
    console: true,
  });

  const menu = [...COMMON_TASKS, ...(ROLE_TASKS[explorer.machine.name] ?? [])];
  let when = at;
  for (let i = rng.int(3, 7); i > 0; i -= 1) {
    when += rng.int(20, 300) * SECOND;
    const [image, commandLine] = rng.pick(menu);
    spawn(world.rec, when, console, { image, commandLine });
  }
  return when;
}

/** Active Directory Users and Computers, and the 4720 for the account made with it. */
function createAccount(world: World, rng: Rng, explorer: Proc, at: number, user: UserSpec): number {
  const dsa = spawn(world.rec, at, explorer, {
    image: 'mmc',
    commandLine: '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\dsa.msc" ',
    integrity: 'High',
    elevation: 'full',
  });
  const createdAt = at + rng.int(60, 240) * SECOND;
  world.rec.security(dsa.machine, createdAt, 4720, accountCreated(dsa.identity, user));
  return createdAt;
}

function accountCreated(creator: Identity, user: UserSpec): Record<string, string> {
  return {
    TargetUserName: user.name,
    TargetDomainName: DOMAIN.netbios,
    TargetSid: domainSid(user.rid),
    SubjectUserSid: creator.account.sid,
    SubjectUserName: creator.account.name,
    SubjectDomainName: creator.account.domain,
    SubjectLogonId: creator.logonId,
    PrivilegeList: '-',
    SamAccountName: user.name,
    DisplayName: user.displayName,
    UserPrincipalName: `${user.name}@${DOMAIN.dns}`,
    HomeDirectory: '-',
    HomePath: '-',
    ScriptPath: '-',
    ProfilePath: '-',
    UserWorkstations: '-',
    PasswordLastSet: '%%1794',
    AccountExpires: '%%1794',
    PrimaryGroupId: '513',
    AllowedToDelegateTo: '-',
    OldUacValue: '0x0',
    NewUacValue: '0x15',
    UserAccountControl: '\r\n\t\t%%2080\r\n\t\t%%2082\r\n\t\t%%2084',
    UserParameters: '%%1793',
    SidHistory: '-',
    LogonHours: '%%1797',
  };
}
