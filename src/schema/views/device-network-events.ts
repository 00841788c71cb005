/**
 * Defender's `DeviceNetworkEvents`: connections from Sysmon event 3, and Defender's own rows.
 * Sysmon tells the direction (`Initiated`); the local end is the source of an outbound
 * connection and the destination of an inbound one.
 */
import { call, caseWhen, field, lit, type Expr } from '../../plan/expr.js';
import { DEVICE_NETWORK_COLUMNS } from './defender-columns.js';
import {
  DEVICE_EXTRA_COLUMNS,
  DEVICE_VALUES,
  ipType,
  longField,
  nativeBranch,
  typedField,
} from './defender.js';
import { domainOf, eventsOf, fileNameOf, lookup, orNull, SYSMON, userOf } from './exprs.js';
import type { ViewDefinition } from './types.js';

const COLUMNS = [...DEVICE_NETWORK_COLUMNS, ...DEVICE_EXTRA_COLUMNS];

const OUTBOUND = call('eqIgnoreCase', field('Initiated'), lit('true'));

/** The remote end's field when outbound, the local end's otherwise, or the reverse. */
const byDirection = (outbound: string, inbound: string): Expr =>
  caseWhen([[OUTBOUND, field(outbound)]], field(inbound));
const portByDirection = (outbound: string, inbound: string): Expr =>
  caseWhen([[OUTBOUND, typedField(outbound, 'int')]], typedField(inbound, 'int'));

const REMOTE_IP = byDirection('DestinationIp', 'SourceIp');
const LOCAL_IP = byDirection('SourceIp', 'DestinationIp');

/** Defender spells protocols `Tcp` and `Udp`; Sysmon writes them in lower case. */
const PROTOCOL = lookup(
  call('lower', field('Protocol')),
  { tcp: 'Tcp', udp: 'Udp' },
  field('Protocol'),
);

const SYSMON_NETWORK: Readonly<Record<string, Expr>> = {
  ...DEVICE_VALUES,
  ActionType: caseWhen([[OUTBOUND, lit('ConnectionSuccess')]], lit('InboundConnectionAccepted')),
  RemoteIP: REMOTE_IP,
  RemotePort: portByDirection('DestinationPort', 'SourcePort'),
  RemoteUrl: caseWhen([[OUTBOUND, orNull(field('DestinationHostname'))]]),
  LocalIP: LOCAL_IP,
  LocalPort: portByDirection('SourcePort', 'DestinationPort'),
  Protocol: PROTOCOL,
  LocalIPType: ipType(LOCAL_IP),
  RemoteIPType: ipType(REMOTE_IP),
  InitiatingProcessFileName: fileNameOf(field('Image')),
  InitiatingProcessId: longField('ProcessId'),
  InitiatingProcessFolderPath: field('Image'),
  InitiatingProcessAccountDomain: domainOf(field('User')),
  InitiatingProcessAccountName: userOf(field('User')),
};

export const DEVICE_NETWORK_EVENTS_VIEW: ViewDefinition = {
  name: 'DeviceNetworkEvents',
  schema: 'main',
  description: "Defender's DeviceNetworkEvents: network connections (Sysmon 3)",
  columns: COLUMNS,
  branches: [
    { where: eventsOf(SYSMON, [3]), values: SYSMON_NETWORK },
    nativeBranch('DeviceNetworkEvents', COLUMNS),
  ],
};
