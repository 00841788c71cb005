/**
 * The demo estate: one Active Directory domain with its servers, workstations, people, service
 * accounts and network appliances. The estate is fixed; only activity varies with the seed.
 */
import { InternalError } from '../errors.js';

/** The domain every Windows machine belongs to. */
export const DOMAIN = {
  netbios: 'CORP',
  dns: 'corp.example.com',
  sid: 'S-1-5-21-3623811015-3361044348-30300820',
} as const;

/** The office clock runs five hours behind UTC all year (no daylight saving time). */
export const OFFICE_UTC_OFFSET_MINUTES = -300;

/** The address the firewall shows the internet. */
export const PUBLIC_IP = '198.51.100.24';

/** What a machine is for. */
export type HostRole =
  | 'domain-controller'
  | 'file-server'
  | 'web-server'
  | 'database-server'
  | 'workstation'
  | 'proxy'
  | 'firewall';

/** A machine in the estate. */
export interface HostSpec {
  /** NetBIOS name, `WS03`. */
  readonly name: string;
  readonly ip: string;
  readonly role: HostRole;
  /** The relative id of its machine account (`WS03$`); appliances have none. */
  readonly rid?: number;
  /** Windows build number; appliances have none. */
  readonly build?: number;
  /** The person whose workstation it is. */
  readonly owner?: string;
}

const SERVER_BUILD = 17763;
const DESKTOP_BUILD = 19045;

/** Every machine, appliances included. */
export const HOSTS: readonly HostSpec[] = [
  { name: 'FW01', ip: '10.20.0.1', role: 'firewall' },
  { name: 'PROXY01', ip: '10.20.0.10', role: 'proxy' },
  { name: 'DC01', ip: '10.20.1.10', role: 'domain-controller', rid: 1000, build: SERVER_BUILD },
  { name: 'FS01', ip: '10.20.1.21', role: 'file-server', rid: 1108, build: SERVER_BUILD },
  { name: 'SQL01', ip: '10.20.1.32', role: 'database-server', rid: 1109, build: SERVER_BUILD },
  { name: 'WEB01', ip: '10.20.5.15', role: 'web-server', rid: 1110, build: SERVER_BUILD },
  ...workstations([
    ['10.20.10.41', 'mwilson'],
    ['10.20.10.57', 'asmith'],
    ['10.20.10.63', 'jdoe'],
    ['10.20.10.72', 'bwilliams'],
    ['10.20.10.88', 'cgarcia'],
    ['10.20.10.94', 'dlee'],
    ['10.20.10.103', 'emartin'],
    ['10.20.10.117', 'fnguyen'],
  ]),
];

/** What an account is for. */
export type UserKind = 'person' | 'admin' | 'service';

/** A domain user account. */
export interface UserSpec {
  /** sAMAccountName, `jdoe`. */
  readonly name: string;
  readonly displayName: string;
  readonly rid: number;
  readonly kind: UserKind;
  /** People who keep their session open for days and only lock the screen. */
  readonly staysLoggedOn?: boolean;
}

/** The domain's users, people first. */
export const USERS: readonly UserSpec[] = [
  { name: 'mwilson', displayName: 'Mark Wilson', rid: 1131, kind: 'person' },
  { name: 'asmith', displayName: 'Anna Smith', rid: 1132, kind: 'person' },
  { name: 'jdoe', displayName: 'John Doe', rid: 1133, kind: 'person', staysLoggedOn: true },
  { name: 'bwilliams', displayName: 'Brian Williams', rid: 1134, kind: 'person' },
  { name: 'cgarcia', displayName: 'Carla Garcia', rid: 1135, kind: 'person' },
  { name: 'dlee', displayName: 'David Lee', rid: 1136, kind: 'person', staysLoggedOn: true },
  { name: 'emartin', displayName: 'Emma Martin', rid: 1137, kind: 'person' },
  { name: 'fnguyen', displayName: 'Frank Nguyen', rid: 1138, kind: 'person', staysLoggedOn: true },
  { name: 'admin', displayName: 'IT Administrator', rid: 1104, kind: 'admin' },
  { name: 'svc_sql', displayName: 'SQL Server Service', rid: 1105, kind: 'service' },
  { name: 'svc_web', displayName: 'Web Application Pool', rid: 1106, kind: 'service' },
  { name: 'svc_backup', displayName: 'Backup Service', rid: 1107, kind: 'service' },
];

/** Accounts the administrator creates during the window: new starters. */
export const NEW_USERS: readonly UserSpec[] = [
  { name: 'kbrown', displayName: 'Karen Brown', rid: 1151, kind: 'person' },
  { name: 'lthomas', displayName: 'Luis Thomas', rid: 1152, kind: 'person' },
];

/** The person who administers the estate, and the workstation they do it from. */
export const IT_PERSON = 'mwilson';

/** A machine's fully qualified name: `WS03.corp.example.com`. */
export function fqdn(name: string): string {
  return `${name}.${DOMAIN.dns}`;
}

/** The SID of a domain account from its relative id. */
export function domainSid(rid: number): string {
  return `${DOMAIN.sid}-${rid}`;
}

/** A machine by name; asking for one the estate does not have is a bug. */
export function hostSpec(name: string): HostSpec {
  const host = HOSTS.find((candidate) => candidate.name === name);
  if (!host) throw new InternalError(`the demo estate has no host ${name}`);
  return host;
}

/** A user by name, new starters included. */
export function userSpec(name: string): UserSpec {
  const user = [...USERS, ...NEW_USERS].find((candidate) => candidate.name === name);
  if (!user) throw new InternalError(`the demo estate has no user ${name}`);
  return user;
}

/** True for machines that run Windows (and so write event logs). */
export function isWindows(host: HostSpec): boolean {
  return host.build !== undefined;
}

function workstations(rows: readonly (readonly [string, string])[]): HostSpec[] {
  return rows.map(([ip, owner], index) => ({
    name: `WS${String(index + 1).padStart(2, '0')}`,
    ip,
    role: 'workstation',
    rid: 1121 + index,
    build: DESKTOP_BUILD,
    owner,
  }));
}
