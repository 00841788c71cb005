/**
 * Microsoft Defender XDR advanced-hunting rows. An export carries no table name, so the table
 * is told from the row's `ActionType` (and, for process events, its columns).
 */
import { withoutTypeSuffixes } from './sentinel.js';
import { hasKeys, str, toTime, type Shape } from './shape.js';

/** `ActionType` values that name their Defender table. */
export const DEFENDER_TABLE_OF_ACTION: Readonly<Record<string, readonly string[]>> = {
  DeviceProcessEvents: ['ProcessCreated', 'OpenProcess'],
  DeviceNetworkEvents: [
    'ConnectionSuccess',
    'ConnectionFailed',
    'ConnectionAttempt',
    'ConnectionRequest',
    'ConnectionFound',
    'InboundConnectionAccepted',
    'ListeningConnectionCreated',
    'NetworkSignatureInspected',
  ],
  DeviceLogonEvents: ['LogonSuccess', 'LogonFailed', 'LogonAttempted'],
  DeviceFileEvents: ['FileCreated', 'FileModified', 'FileDeleted', 'FileRenamed'],
  DeviceRegistryEvents: [
    'RegistryKeyCreated',
    'RegistryKeyDeleted',
    'RegistryValueSet',
    'RegistryValueDeleted',
    'RegistryKeyRenamed',
  ],
  DeviceImageLoadEvents: ['ImageLoaded'],
  IdentityQueryEvents: ['LdapSearch', 'DnsQuery', 'SamrQuery', 'SAMR query', 'DNS query'],
  IdentityDirectoryEvents: ['Directory Services replication', 'Account Password changed'],
  IdentityLogonEvents: ['LogonSuccess (Identity)'],
};

function tableOfRow(actionType: string, hasCloudFields: string): string {
  const whens = Object.entries(DEFENDER_TABLE_OF_ACTION).map(
    ([table, actions]) =>
      `WHEN ${actionType} IN (${actions.map(str).join(', ')}) THEN ${str(table)}`,
  );
  return (
    `CASE ${whens.join(' ')} WHEN ${hasCloudFields} THEN 'CloudAppEvents' ` +
    `ELSE 'DeviceEvents' END`
  );
}

export const DEFENDER_SHAPE: Shape = {
  name: 'defender',
  test: (row) => `${row.text('Type')} IS NULL AND ${hasKeys(row, 'Timestamp', 'ActionType')}`,
  build(row, options) {
    const cloud =
      `coalesce(${row.text('ActivityType')}, ${row.text('RawEventData')}, '') <> '' ` +
      `OR coalesce(${row.text('ActivityObjects')}, '') NOT IN ('', '[]')`;
    return {
      system: {
        TimeCreated: toTime(row.text('Timestamp'), str(options.inputTz)),
        Computer: row.text('DeviceName'),
      },
      data: withoutTypeSuffixes(row.whole()),
      dataDrop: [],
      extra: [],
      table: tableOfRow(row.text('ActionType'), cloud),
    };
  },
};
