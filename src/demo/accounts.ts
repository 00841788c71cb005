/**
 * Accounts and logon identities as Windows writes them. One account appears under different
 * names depending on the event: SYSTEM is `SYSTEM`/`NT AUTHORITY` in a logon event, the machine
 * account `WS03$`/`CORP` as the creator of a process, and `NT AUTHORITY\SYSTEM` in Sysmon.
 */
import { DOMAIN, domainSid, type HostSpec, type UserSpec } from './estate.js';

/** How much a process's token may do. */
export type Integrity = 'Low' | 'Medium' | 'High' | 'System';

/** Which of User Account Control's tokens a process has. */
export type Elevation = 'default' | 'full' | 'limited';

/** The integrity SID 4688 writes in `MandatoryLabel`. */
export const MANDATORY_LABELS = {
  Low: 'S-1-16-4096',
  Medium: 'S-1-16-8192',
  High: 'S-1-16-12288',
  System: 'S-1-16-16384',
} satisfies Record<Integrity, string>;

/** The message codes 4688 writes in `TokenElevationType`. */
export const ELEVATION_CODES = {
  default: '%%1936',
  full: '%%1937',
  limited: '%%1938',
} satisfies Record<Elevation, string>;

/** An account, with each of the names Windows gives it. */
export interface Account {
  readonly sid: string;
  /** As logon events write it: `jdoe`, `SYSTEM`, `WS03$`. */
  readonly name: string;
  /** As logon events write it: `CORP`, `NT AUTHORITY`. */
  readonly domain: string;
  /** As the creator of a process in 4688: the machine account for built-in identities. */
  readonly creatorName: string;
  readonly creatorDomain: string;
  /** As Sysmon writes it: `CORP\jdoe`, `NT AUTHORITY\SYSTEM`. */
  readonly qualified: string;
  /** Sensitive privileges, which earn each logon a 4672; empty for ordinary accounts. */
  readonly privileges: readonly string[];
}

/** An account logged on to one machine: the logon session every process of it runs in. */
export interface Identity {
  readonly account: Account;
  /** `0x3e7`. */
  readonly logonId: string;
  /** The logon GUID Sysmon writes, which folds in the machine, the logon time and the id. */
  readonly logonGuid: string;
  /** The terminal session: 0 for services, 1 and up for people. */
  readonly session: number;
}

const ADMIN_PRIVILEGES = [
  'SeSecurityPrivilege',
  'SeTakeOwnershipPrivilege',
  'SeLoadDriverPrivilege',
  'SeBackupPrivilege',
  'SeRestorePrivilege',
  'SeDebugPrivilege',
  'SeSystemEnvironmentPrivilege',
  'SeImpersonatePrivilege',
  'SeDelegateSessionUserImpersonatePrivilege',
];

const SYSTEM_PRIVILEGES = [
  'SeAssignPrimaryTokenPrivilege',
  'SeTcbPrivilege',
  ...ADMIN_PRIVILEGES.slice(0, 6),
  'SeAuditPrivilege',
  ...ADMIN_PRIVILEGES.slice(6),
];

const SERVICE_PRIVILEGES = ['SeAssignPrimaryTokenPrivilege', 'SeImpersonatePrivilege'];

const PRIVILEGES_BY_KIND = {
  person: [],
  admin: ADMIN_PRIVILEGES,
  service: SERVICE_PRIVILEGES,
} satisfies Record<UserSpec['kind'], readonly string[]>;

/** A domain user account. */
export function domainAccount(user: UserSpec): Account {
  const privileges =
    user.name === 'svc_backup'
      ? ['SeBackupPrivilege', 'SeRestorePrivilege']
      : PRIVILEGES_BY_KIND[user.kind];
  return {
    sid: domainSid(user.rid),
    name: user.name,
    domain: DOMAIN.netbios,
    creatorName: user.name,
    creatorDomain: DOMAIN.netbios,
    qualified: `${DOMAIN.netbios}\\${user.name}`,
    privileges,
  };
}

/** A machine's domain account, as other machines see it log on. */
export function machineAccount(host: HostSpec): Account {
  const name = `${host.name}$`;
  return {
    sid: domainSid(host.rid ?? 0),
    name,
    domain: DOMAIN.netbios,
    creatorName: name,
    creatorDomain: DOMAIN.netbios,
    qualified: `${DOMAIN.netbios}\\${name}`,
    privileges: [],
  };
}

/** The built-in service identities of one machine. */
export interface BuiltinAccounts {
  readonly system: Account;
  readonly networkService: Account;
  readonly localService: Account;
}

/** SYSTEM, NETWORK SERVICE and LOCAL SERVICE on a machine. */
export function builtinAccounts(host: HostSpec): BuiltinAccounts {
  const builtin = (sid: string, name: string, privileges: readonly string[]): Account => ({
    sid,
    name,
    domain: 'NT AUTHORITY',
    creatorName: `${host.name}$`,
    creatorDomain: DOMAIN.netbios,
    qualified: `NT AUTHORITY\\${name}`,
    privileges,
  });
  return {
    system: builtin('S-1-5-18', 'SYSTEM', SYSTEM_PRIVILEGES),
    networkService: builtin('S-1-5-20', 'NETWORK SERVICE', SERVICE_PRIVILEGES),
    localService: builtin('S-1-5-19', 'LOCAL SERVICE', SERVICE_PRIVILEGES),
  };
}

/** The privilege list of a 4672, one privilege a line, as Windows indents it. */
export function privilegeList(account: Account): string {
  return account.privileges.join('\r\n\t\t\t');
}
