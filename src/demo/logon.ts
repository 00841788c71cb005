/**
 * Logons as the Security log records them: 4624 with its 4672 for privileged accounts, 4634
 * when the session ends, 4625 for failures and 4648 for explicit credentials. The fields follow
 * what each kind of logon really carries: network logons have no subject, interactive ones are
 * made by the machine itself, NTLM names the client workstation and Kerberos does not.
 */
import { assertNever } from '../errors.js';
import { privilegeList, type Account, type Identity } from './accounts.js';
import { MS } from './clock.js';
import type { Machine, Proc } from './machine.js';
import { hexPid } from './process.js';
import type { EventData, Recorder } from './recorder.js';

/** The logon types the demo produces. */
export type LogonType = 2 | 3 | 5 | 7 | 10;

/** How a network logon authenticated. */
export type NetworkAuth = 'kerberos' | 'ntlm';

/** The far end of a network or remote logon. */
export interface Client {
  readonly ip: string;
  readonly port: number;
  /** The client's NetBIOS name, which NTLM reports. */
  readonly workstation: string;
}

/** A logon to describe. */
export type LogonSpec =
  | {
      readonly kind: 'interactive';
      readonly type: 2 | 7;
      readonly account: Account;
      readonly via: Proc;
    }
  | {
      readonly kind: 'remote';
      readonly account: Account;
      readonly via: Proc;
      readonly client: Client;
    }
  | {
      readonly kind: 'network';
      readonly account: Account;
      readonly auth: NetworkAuth;
      readonly client: Client;
    }
  | { readonly kind: 'service'; readonly identity: Identity };

const NULL_GUID = '{00000000-0000-0000-0000-000000000000}';
const NO_SUBJECT = { sid: 'S-1-0-0', name: '-', domain: '-', logonId: '0x0' };

/**
 * Writes a successful logon (4624, and 4672 just after it for a privileged account) and
 * returns the new logon session. A service logon reuses the identity it is given.
 */
export function logOn(rec: Recorder, machine: Machine, at: number, spec: LogonSpec): Identity {
  const session =
    spec.kind === 'interactive' ? 1 : spec.kind === 'remote' ? machine.rng.int(2, 4) : 0;
  const identity =
    spec.kind === 'service'
      ? spec.identity
      : machine.identity(spec.account, machine.logonId(), session, at);

  rec.security(machine, at, 4624, logonData(machine, spec, identity));
  if (isPrivileged(spec, identity.account)) {
    rec.security(machine, at + machine.rng.int(0, 3) * MS, 4672, specialPrivileges(identity));
  }
  return identity;
}

/** Writes the 4634 that ends a logon session. */
export function logOff(
  rec: Recorder,
  machine: Machine,
  at: number,
  identity: Identity,
  type: LogonType,
): void {
  rec.security(machine, at, 4634, {
    TargetUserSid: identity.account.sid,
    TargetUserName: identity.account.name,
    TargetDomainName: identity.account.domain,
    TargetLogonId: identity.logonId,
    LogonType: String(type),
  });
}

/** A failed logon to describe. */
export interface FailureSpec {
  readonly type: 2 | 3;
  readonly userName: string;
  readonly domain: string;
  /** NTSTATUS codes: `0xc000006d` with `0xc000006a` is a wrong password. */
  readonly status: string;
  readonly subStatus: string;
  /** For network failures: where the attempt came from. */
  readonly client?: Client;
  /** For interactive failures: the logon process. */
  readonly via?: Proc;
}

/** Writes a 4625. */
export function failLogon(rec: Recorder, machine: Machine, at: number, spec: FailureSpec): void {
  const local = spec.type === 2;
  const subject = local ? systemSubject(machine) : NO_SUBJECT;
  rec.security(machine, at, 4625, {
    SubjectUserSid: subject.sid,
    SubjectUserName: subject.name,
    SubjectDomainName: subject.domain,
    SubjectLogonId: subject.logonId,
    TargetUserSid: 'S-1-0-0',
    TargetUserName: spec.userName,
    TargetDomainName: spec.domain,
    Status: spec.status,
    FailureReason: '%%2313',
    SubStatus: spec.subStatus,
    LogonType: String(spec.type),
    LogonProcessName: local ? 'User32 ' : 'NtLmSsp ',
    AuthenticationPackageName: local ? 'Negotiate' : 'NTLM',
    WorkstationName: local ? machine.name : (spec.client?.workstation ?? '-'),
    TransmittedServices: '-',
    LmPackageName: '-',
    KeyLength: '0',
    ProcessId: spec.via ? hexPid(spec.via.pid) : '0x0',
    ProcessName: spec.via ? spec.via.image.path : '-',
    IpAddress: local ? '127.0.0.1' : (spec.client?.ip ?? '-'),
    IpPort: local ? '0' : String(spec.client?.port ?? '-'),
  });
}

/** A use of explicit credentials to describe. */
export interface ExplicitSpec {
  readonly subject: Identity;
  readonly targetUser: string;
  readonly targetDomain: string;
  /** The server the credentials were for: a name, or `localhost`. */
  readonly server: string;
  /** What they were for: `RPCSS/SQL01.corp.example.com`, `TERMSRV/...`, `localhost`. */
  readonly info: string;
  readonly process: Proc;
  readonly ip?: string;
  readonly port?: string;
}

/** Writes a 4648 on the machine where the credentials were typed. */
export function explicitCredentials(
  rec: Recorder,
  machine: Machine,
  at: number,
  spec: ExplicitSpec,
): void {
  rec.security(machine, at, 4648, {
    SubjectUserSid: spec.subject.account.sid,
    SubjectUserName: spec.subject.account.creatorName,
    SubjectDomainName: spec.subject.account.creatorDomain,
    SubjectLogonId: spec.subject.logonId,
    LogonGuid: NULL_GUID,
    TargetUserName: spec.targetUser,
    TargetDomainName: spec.targetDomain,
    TargetLogonGuid: NULL_GUID,
    TargetServerName: spec.server,
    TargetInfo: spec.info,
    ProcessId: hexPid(spec.process.pid),
    ProcessName: spec.process.image.path,
    IpAddress: spec.ip ?? '-',
    IpPort: spec.port ?? '-',
  });
}

function logonData(machine: Machine, spec: LogonSpec, identity: Identity): EventData {
  const account = identity.account;
  const subject = spec.kind === 'network' ? NO_SUBJECT : systemSubject(machine);
  return {
    SubjectUserSid: subject.sid,
    SubjectUserName: subject.name,
    SubjectDomainName: subject.domain,
    SubjectLogonId: subject.logonId,
    TargetUserSid: account.sid,
    TargetUserName: account.name,
    TargetDomainName: account.domain,
    TargetLogonId: identity.logonId,
    LogonType: String(logonType(spec)),
    ...method(machine, spec),
    ImpersonationLevel: '%%1833',
    RestrictedAdminMode: spec.kind === 'remote' ? '%%1843' : '-',
    TargetOutboundUserName: '-',
    TargetOutboundDomainName: '-',
    VirtualAccount: '%%1843',
    TargetLinkedLogonId: '0x0',
    ElevatedToken: isPrivileged(spec, account) ? '%%1842' : '%%1843',
  };
}

/** The fields between `LogonType` and `ImpersonationLevel`, which depend on how it was done. */
function method(machine: Machine, spec: LogonSpec): EventData {
  switch (spec.kind) {
    case 'interactive':
      return typedLogon(machine, spec.via, '127.0.0.1', '0');
    case 'remote':
      return typedLogon(machine, spec.via, spec.client.ip, String(spec.client.port));
    case 'service':
      return serviceLogon(machine.core.services);
    case 'network':
      return network(spec.auth, spec.client, machine.rng.guid());
    default:
      return assertNever(spec, 'logon kind');
  }
}

/** A logon typed at the machine, in front of it or over Remote Desktop. */
function typedLogon(machine: Machine, via: Proc, ip: string, port: string): EventData {
  return {
    LogonProcessName: 'User32 ',
    AuthenticationPackageName: 'Negotiate',
    WorkstationName: machine.name,
    LogonGuid: machine.rng.guid(),
    TransmittedServices: '-',
    LmPackageName: '-',
    KeyLength: '0',
    ProcessId: hexPid(via.pid),
    ProcessName: via.image.path,
    IpAddress: ip,
    IpPort: port,
  };
}

/** A service started by the service control manager under its own account. */
function serviceLogon(services: Proc): EventData {
  return {
    LogonProcessName: 'Advapi  ',
    AuthenticationPackageName: 'Negotiate',
    WorkstationName: '-',
    LogonGuid: NULL_GUID,
    TransmittedServices: '-',
    LmPackageName: '-',
    KeyLength: '0',
    ProcessId: hexPid(services.pid),
    ProcessName: services.image.path,
    IpAddress: '-',
    IpPort: '-',
  };
}

function network(auth: NetworkAuth, client: Client, guid: string): EventData {
  const ntlm = auth === 'ntlm';
  return {
    LogonProcessName: ntlm ? 'NtLmSsp ' : 'Kerberos',
    AuthenticationPackageName: ntlm ? 'NTLM' : 'Kerberos',
    WorkstationName: ntlm ? client.workstation : '-',
    LogonGuid: ntlm ? NULL_GUID : guid,
    TransmittedServices: '-',
    LmPackageName: ntlm ? 'NTLM V2' : '-',
    KeyLength: ntlm ? '128' : '0',
    ProcessId: '0x0',
    ProcessName: '-',
    IpAddress: client.ip,
    IpPort: String(client.port),
  };
}

function logonType(spec: LogonSpec): LogonType {
  switch (spec.kind) {
    case 'interactive':
      return spec.type;
    case 'remote':
      return 10;
    case 'network':
      return 3;
    case 'service':
      return 5;
    default:
      return assertNever(spec, 'logon kind');
  }
}

/** Rights a service account holds only where it runs as a service. */
const SERVICE_RIGHTS = new Set(['SeAssignPrimaryTokenPrivilege', 'SeImpersonatePrivilege']);

/** Whether a logon holds sensitive privileges, and so earns a 4672. */
function isPrivileged(spec: LogonSpec, account: Account): boolean {
  if (spec.kind === 'service') return account.privileges.length > 0;
  return account.privileges.some((privilege) => !SERVICE_RIGHTS.has(privilege));
}

function specialPrivileges(identity: Identity): EventData {
  return {
    SubjectUserSid: identity.account.sid,
    SubjectUserName: identity.account.name,
    SubjectDomainName: identity.account.domain,
    SubjectLogonId: identity.logonId,
    PrivilegeList: privilegeList(identity.account),
  };
}

function systemSubject(machine: Machine): typeof NO_SUBJECT {
  const system = machine.system;
  return {
    sid: system.account.sid,
    name: system.account.creatorName,
    domain: system.account.creatorDomain,
    logonId: system.logonId,
  };
}
