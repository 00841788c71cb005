/**
 * What Sysmon sees a process do besides starting: network connections (3), files it creates
 * (11) and names it looks up (22).
 */
import type { Proc } from './machine.js';
import type { Recorder } from './recorder.js';

/** The far end of a connection. */
export interface Endpoint {
  readonly ip: string;
  readonly port: number;
  /** The name Sysmon resolved for the address, when it did. */
  readonly hostname?: string;
}

/** How a connection was made. */
export interface ConnectionOptions {
  readonly protocol?: 'tcp' | 'udp';
  readonly sourcePort?: number;
}

const PORT_NAMES: Readonly<Record<number, string>> = {
  53: 'domain',
  80: 'http',
  88: 'kerberos',
  135: 'epmap',
  389: 'ldap',
  443: 'https',
  445: 'microsoft-ds',
  1433: 'ms-sql-s',
  3389: 'ms-wbt-server',
};

/** Writes a Sysmon 3 for an outbound connection `proc` made. Returns the source port used. */
export function connection(
  rec: Recorder,
  at: number,
  proc: Proc,
  to: Endpoint,
  options: ConnectionOptions = {},
): number {
  const machine = proc.machine;
  const sourcePort = options.sourcePort ?? machine.ephemeralPort();
  rec.sysmon(machine, at, 3, {
    RuleName: '-',
    UtcTime: rec.clock.sysmonTime(at),
    ProcessGuid: proc.guid,
    ProcessId: String(proc.pid),
    Image: proc.image.path,
    User: proc.identity.account.qualified,
    Protocol: options.protocol ?? 'tcp',
    Initiated: 'true',
    SourceIsIpv6: 'false',
    SourceIp: machine.ip,
    SourceHostname: machine.fqdn,
    SourcePort: String(sourcePort),
    SourcePortName: '-',
    DestinationIsIpv6: 'false',
    DestinationIp: to.ip,
    DestinationHostname: to.hostname ?? '-',
    DestinationPort: String(to.port),
    DestinationPortName: PORT_NAMES[to.port] ?? '-',
  });
  return sourcePort;
}

/** Writes a Sysmon 11 for a file `proc` created. */
export function fileCreated(rec: Recorder, at: number, proc: Proc, path: string): void {
  rec.sysmon(proc.machine, at, 11, {
    RuleName: '-',
    UtcTime: rec.clock.sysmonTime(at),
    ProcessGuid: proc.guid,
    ProcessId: String(proc.pid),
    Image: proc.image.path,
    TargetFilename: path,
    CreationUtcTime: rec.clock.sysmonTime(at),
    User: proc.identity.account.qualified,
  });
}

/**
 * Writes a Sysmon 22 for a name `proc` looked up. `answers` are addresses, or `type:  5 name`
 * for an alias, in the order the resolver returned them.
 */
export function dnsQuery(
  rec: Recorder,
  at: number,
  proc: Proc,
  name: string,
  answers: readonly string[],
): void {
  rec.sysmon(proc.machine, at, 22, {
    RuleName: '-',
    UtcTime: rec.clock.sysmonTime(at),
    ProcessGuid: proc.guid,
    ProcessId: String(proc.pid),
    QueryName: name,
    QueryStatus: '0',
    QueryResults: answers.map(renderAnswer).join(''),
    Image: proc.image.path,
    User: proc.identity.account.qualified,
  });
}

/** An alias answer for `dnsQuery`. */
export function alias(name: string): string {
  return `type:  5 ${name}`;
}

function renderAnswer(answer: string): string {
  return answer.startsWith('type:') ? `${answer};` : `::ffff:${answer};`;
}
