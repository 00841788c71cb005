/**
 * Flat Windows events: the System fields and the event data side by side at the top level of
 * each row, as NXLog and Logstash export them (OTRF Security-Datasets), and as generic exports
 * and CSV files name their columns.
 */
import {
  hasKeys,
  ROW,
  localToUtc,
  shiftMinutes,
  str,
  toInt,
  toKeywords,
  toTime,
  type RowAccess,
  type Shape,
  type ShapeOptions,
} from './shape.js';

const TIME_KEYS = [
  'EventTime',
  'TimeCreated',
  'TimeGenerated',
  '@timestamp',
  'timestamp',
  'UtcTime',
];
const ID_KEYS = ['EventID', 'EventId', 'EventCode'];

/** Keys that carry System fields; they leave the event data. */
const SYSTEM_KEYS = [
  'TimeCreated',
  'TimeGenerated',
  'ProviderName',
  'SourceName',
  'Provider',
  'ProviderGuid',
  'Channel',
  'LogName',
  ...ID_KEYS,
  'Version',
  'Level',
  'Task',
  'OpcodeValue',
  'Keywords',
  'Hostname',
  'Computer',
  'ComputerName',
  'RecordNumber',
  'EventRecordID',
  'ExecutionProcessID',
  'ExecutionThreadID',
  'ThreadID',
  'UserID',
  'ActivityID',
  'RelatedActivityID',
  'Message',
];

/** What the exporter added around the event; kept beside it. */
const EXPORTER_KEYS = [
  'EventTime',
  'EventReceivedTime',
  'SourceModuleName',
  'SourceModuleType',
  'SeverityValue',
  'Severity',
  'Category',
  'Opcode',
  '@timestamp',
  '@version',
  'timestamp',
  'tags',
  'host',
  'port',
  'Domain',
  'AccountType',
];

export const FLAT_SHAPE: Shape = {
  name: 'flat',
  test: (row) =>
    `(${ID_KEYS.map((key) => hasKeys(row, key)).join(' OR ')}) AND ` +
    `(${TIME_KEYS.map((key) => hasKeys(row, key)).join(' OR ')})`,
  build(row, options) {
    return {
      system: {
        TimeCreated: flatTime(row, options),
        Provider: row.firstText('ProviderName', 'SourceName', 'Provider'),
        ProviderGuid: row.text('ProviderGuid'),
        Channel: canonicalChannel(row.firstText('Channel', 'LogName')),
        EventID: toInt(row.firstText(...ID_KEYS), 'INTEGER'),
        Version: toInt(row.text('Version'), 'SMALLINT'),
        Level: toInt(row.text('Level'), 'SMALLINT'),
        Task: toInt(row.text('Task'), 'INTEGER'),
        Opcode: toInt(row.text('OpcodeValue'), 'SMALLINT'),
        Keywords: toKeywords(row.text('Keywords')),
        Computer: row.firstText('Hostname', 'Computer', 'ComputerName'),
        EventRecordID: toInt(row.firstText('RecordNumber', 'EventRecordID'), 'UBIGINT'),
        ExecutionProcessID: toInt(row.text('ExecutionProcessID'), 'UINTEGER'),
        ExecutionThreadID: toInt(row.firstText('ExecutionThreadID', 'ThreadID'), 'UINTEGER'),
        SystemUserID: row.text('UserID'),
        ActivityID: row.text('ActivityID'),
        RelatedActivityID: row.text('RelatedActivityID'),
        Message: row.text('Message'),
      },
      data: ROW,
      dataDrop: [...SYSTEM_KEYS, ...EXPORTER_KEYS],
      extra: [['*', row.pick([...EXPORTER_KEYS, ...TIME_KEYS])]],
      table: 'NULL',
    };
  },
};

/**
 * NXLog writes `EventTime` in the exporting host's local time without an offset, but also
 * `EventReceivedTime` in the same local time and Logstash's `@timestamp` in UTC: their
 * difference, rounded to a quarter hour, is the zone's offset at that moment. It is used
 * unless the user named the input zone.
 */
function flatTime(row: RowAccess, options: ShapeOptions): string {
  const zone = str(options.inputTz);
  const eventTime = row.text('EventTime');
  const received = row.text('EventReceivedTime');
  const stamp = row.text('@timestamp');
  const localEvent = `TRY_CAST(${eventTime} AS TIMESTAMP_NS)`;
  const offsetMinutes =
    `round((epoch_ns(TRY_CAST(${received} AS TIMESTAMP_NS)) - ` +
    `epoch_ns(TRY_CAST(${stamp} AS TIMESTAMP_NS))) / 900000000000) * 15`;
  const fromNxlog = options.inputTzExplicit
    ? localToUtc(localEvent, zone)
    : `CASE WHEN ${received} IS NOT NULL AND ${stamp} IS NOT NULL ` +
      `THEN ${shiftMinutes(localEvent, offsetMinutes)} ELSE ${localToUtc(localEvent, zone)} END`;
  const others = row.firstText('TimeCreated', 'TimeGenerated', '@timestamp', 'timestamp');
  return (
    `CASE WHEN ${eventTime} IS NOT NULL THEN ${fromNxlog} ` +
    `WHEN ${others} IS NOT NULL THEN ${toTime(others, zone)} ` +
    // Sysmon's UtcTime is UTC by definition, whatever zone the export was made in.
    `ELSE ${toTime(`(${row.text('UtcTime')} || 'Z')`, zone)} END`
  );
}

/** Exports sometimes lower-case the classic channel names; the views expect Windows' spelling. */
export function canonicalChannel(channel: string): string {
  return (
    `CASE lower(${channel}) WHEN 'security' THEN 'Security' WHEN 'system' THEN 'System' ` +
    `WHEN 'application' THEN 'Application' ELSE ${channel} END`
  );
}
