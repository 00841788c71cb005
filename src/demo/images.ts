/**
 * The executables the demo's processes run, with the version information Sysmon reports for
 * them. Hashes are derived from the path and version, so one binary has one set of hashes
 * everywhere in the estate.
 */
import { createHash } from 'node:crypto';

/** What a file's version resource says about it. */
export interface ImageSpec {
  readonly path: string;
  readonly description: string;
  readonly originalFileName: string;
  readonly product?: string;
  readonly company?: string;
  /** A fixed version; Windows' own binaries carry the operating system's. */
  readonly version?: string;
}

const WINDOWS = 'Microsoft® Windows® Operating System';
const MICROSOFT = 'Microsoft Corporation';
const SYSTEM32 = 'C:\\Windows\\System32';
const OFFICE = 'C:\\Program Files\\Microsoft Office\\root\\Office16';
const DEFENDER = '4.18.24090.11';
const TEAMS_PACKAGE = 'MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe';

const win = (file: string, description: string, originalFileName: string): ImageSpec => ({
  path: `${SYSTEM32}\\${file}`,
  description,
  originalFileName,
});

/** Every executable the demo starts, by a short name. */
export const IMAGES = {
  smss: win('smss.exe', 'Windows Session Manager', 'smss.exe'),
  wininit: win('wininit.exe', 'Windows Start-Up Application', 'WinInit.exe'),
  winlogon: win('winlogon.exe', 'Windows Logon Application', 'WINLOGON.EXE'),
  services: win('services.exe', 'Services and Controller app', 'services.exe'),
  lsass: win('lsass.exe', 'Local Security Authority Process', 'lsass.exe'),
  svchost: win('svchost.exe', 'Host Process for Windows Services', 'svchost.exe'),
  userinit: win('userinit.exe', 'Userinit Logon Application', 'USERINIT.EXE'),
  taskhostw: win('taskhostw.exe', 'Host Process for Windows Tasks', 'taskhostw.exe'),
  runtimeBroker: win('RuntimeBroker.exe', 'Runtime Broker', 'RuntimeBroker.exe'),
  backgroundTaskHost: win(
    'backgroundTaskHost.exe',
    'Background Task Host',
    'backgroundTaskHost.exe',
  ),
  dllhost: win('dllhost.exe', 'COM Surrogate', 'dllhost.exe'),
  wmiprvse: win('wbem\\WmiPrvSE.exe', 'WMI Provider Host', 'Wmiprvse.exe'),
  wmic: win('wbem\\WMIC.exe', 'WMI Commandline Utility', 'wmic.exe'),
  cmd: win('cmd.exe', 'Windows Command Processor', 'Cmd.Exe'),
  conhost: win('conhost.exe', 'Console Window Host', 'CONHOST.EXE'),
  powershell: win(
    'WindowsPowerShell\\v1.0\\powershell.exe',
    'Windows PowerShell',
    'PowerShell.EXE',
  ),
  ipconfig: win('ipconfig.exe', 'IP Configuration Utility', 'ipconfig.exe'),
  ping: win('PING.EXE', 'TCP/IP Ping Command', 'ping.exe'),
  nslookup: win('nslookup.exe', 'nslookup', 'nslookup.exe'),
  whoami: win('whoami.exe', 'whoami - displays logged on user information', 'whoami.exe'),
  net: win('net.exe', 'Net Command', 'net.exe'),
  netstat: win('NETSTAT.EXE', 'TCP/IP Netstat Command', 'netstat.exe'),
  tasklist: win('tasklist.exe', 'Lists the current running tasks', 'tasklist.exe'),
  gpupdate: win('gpupdate.exe', 'Group Policy Update Utility', 'GPUpdate.exe'),
  mmc: win('mmc.exe', 'Microsoft Management Console', 'MMC.EXE'),
  mstsc: win('mstsc.exe', 'Remote Desktop Connection', 'mstsc.exe'),
  notepad: win('notepad.exe', 'Notepad', 'NOTEPAD.EXE'),
  compatTelRunner: win(
    'CompatTelRunner.exe',
    'Microsoft Compatibility Telemetry',
    'CompatTelRunner.exe',
  ),
  sppsvc: win('sppsvc.exe', 'Microsoft Software Protection Platform Service', 'sppsvc.exe'),
  dcdiag: win('dcdiag.exe', 'Domain Controller Diagnosis', 'dcdiag.exe'),
  repadmin: win('repadmin.exe', 'Replication Diagnosis Tool', 'repadmin.exe'),
  robocopy: win('Robocopy.exe', 'Microsoft® Robocopy', 'robocopy.exe'),
  w3wp: {
    path: `${SYSTEM32}\\inetsrv\\w3wp.exe`,
    description: 'IIS Worker Process',
    originalFileName: 'w3wp.exe',
    product: 'Internet Information Services',
  },
  explorer: {
    path: 'C:\\Windows\\explorer.exe',
    description: 'Windows Explorer',
    originalFileName: 'EXPLORER.EXE',
  },
  trustedInstaller: {
    path: 'C:\\Windows\\servicing\\TrustedInstaller.exe',
    description: 'Windows Modules Installer',
    originalFileName: 'TrustedInstaller.exe',
  },
  sysmon: {
    path: 'C:\\Windows\\Sysmon64.exe',
    description: 'System activity monitor',
    originalFileName: 'Sysmon.exe',
    product: 'Sysinternals Sysmon',
    company: 'Sysinternals - www.sysinternals.com',
    version: '15.15',
  },
  msMpEng: {
    path: `C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\${DEFENDER}-0\\MsMpEng.exe`,
    description: 'Antimalware Service Executable',
    originalFileName: 'MsMpEng.exe',
    version: DEFENDER,
  },
  mpCmdRun: {
    path: `C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\${DEFENDER}-0\\MpCmdRun.exe`,
    description: 'Microsoft Malware Protection Command Line Utility',
    originalFileName: 'MpCmdRun.exe',
    version: DEFENDER,
  },
  chrome: {
    path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    description: 'Google Chrome',
    originalFileName: 'chrome.exe',
    product: 'Google Chrome',
    company: 'Google LLC',
    version: '131.0.6778.86',
  },
  googleUpdate: {
    path: 'C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe',
    description: 'Google Installer',
    originalFileName: 'GoogleUpdate.exe',
    product: 'Google Update',
    company: 'Google LLC',
    version: '1.3.36.372',
  },
  outlook: office('OUTLOOK.EXE', 'Microsoft Outlook', 'Outlook.exe'),
  winword: office('WINWORD.EXE', 'Microsoft Word', 'WinWord.exe'),
  excel: office('EXCEL.EXE', 'Microsoft Excel', 'Excel.exe'),
  teams: {
    path: `C:\\Program Files\\WindowsApps\\${TEAMS_PACKAGE}\\ms-teams.exe`,
    description: 'Microsoft Teams',
    originalFileName: 'ms-teams.exe',
    product: 'Microsoft Teams',
    version: '24295.605.3225.8804',
  },
  oneDrive: {
    path: 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe',
    description: 'Microsoft OneDrive',
    originalFileName: 'OneDrive.exe',
    product: 'Microsoft OneDrive',
    version: '24.201.1006.0005',
  },
} satisfies Record<string, ImageSpec>;

/** The short name of a catalogued executable. */
export type ImageName = keyof typeof IMAGES;

/** An executable as Sysmon describes it on one machine. */
export interface Image {
  readonly path: string;
  readonly fileName: string;
  readonly fileVersion: string;
  readonly description: string;
  readonly product: string;
  readonly company: string;
  readonly originalFileName: string;
  /** `SHA1=...,MD5=...,SHA256=...,IMPHASH=...` */
  readonly hashes: string;
}

const cache = new Map<string, Image>();

/** A catalogued executable as it is on a machine running Windows build `build`. */
export function imageOn(build: number, name: ImageName): Image {
  const key = `${build}:${name}`;
  const known = cache.get(key);
  if (known) return known;

  const spec: ImageSpec = IMAGES[name];
  const image = describe(spec, spec.version ?? osFileVersion(build));
  cache.set(key, image);
  return image;
}

/** An executable without a version resource, such as something just downloaded. */
export function unlabelledImage(path: string): Image {
  return {
    path,
    fileName: baseName(path),
    fileVersion: '-',
    description: '-',
    product: '-',
    company: '-',
    originalFileName: '-',
    hashes: hashesFor(`unlabelled:${path}`),
  };
}

/** The last part of a Windows path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('\\') + 1);
}

function describe(spec: ImageSpec, fileVersion: string): Image {
  return {
    path: spec.path,
    fileName: baseName(spec.path),
    fileVersion,
    description: spec.description,
    product: spec.product ?? WINDOWS,
    company: spec.company ?? MICROSOFT,
    originalFileName: spec.originalFileName,
    hashes: hashesFor(`${spec.path}|${fileVersion}`),
  };
}

function office(file: string, description: string, originalFileName: string): ImageSpec {
  const product = description === 'Microsoft Outlook' ? description : 'Microsoft Office';
  return {
    path: `${OFFICE}\\${file}`,
    description,
    originalFileName,
    product,
    version: '16.0.18129.20158',
  };
}

/** Windows 10 22H2 binaries still carry the 2004 release's version (19041). */
function osFileVersion(build: number): string {
  const base = build >= 19041 ? 19041 : build;
  return `10.0.${base}.1 (WinBuild.160101.0800)`;
}

function hashesFor(key: string): string {
  const digest = (algorithm: string, salt = ''): string =>
    createHash(algorithm)
      .update(salt + key)
      .digest('hex')
      .toUpperCase();
  const parts = [
    `SHA1=${digest('sha1')}`,
    `MD5=${digest('md5')}`,
    `SHA256=${digest('sha256')}`,
    `IMPHASH=${digest('md5', 'imports:')}`,
  ];
  return parts.join(',');
}
