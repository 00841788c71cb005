/**
 * The stored layout: one table of events, the same on every engine in meaning. The System
 * fields and the event-data fields analysts filter on most are typed columns; every other field
 * is kept in the leftovers, in whatever form the engine handles best (JSON on DuckDB).
 */
import type { ScalarType } from '../plan/types.js';

/** Physical types a stored column can have; each engine maps them onto its own. */
export type StoredType =
  'uuid' | 'text' | 'int16' | 'int32' | 'uint32' | 'uint64' | 'time100ns' | 'fields';

export interface StoredColumn {
  readonly name: string;
  readonly type: StoredType;
  /** The Kusto type the column reads as. */
  readonly scalar: ScalarType;
  readonly doc: string;
}

const column = (name: string, type: StoredType, scalar: ScalarType, doc: string): StoredColumn => ({
  name,
  type,
  scalar,
  doc,
});

/** Identity and provenance of each stored row. */
export const IDENTITY_COLUMNS: readonly StoredColumn[] = [
  column('_ItemId', 'uuid', 'string', 'the event identity (see docs/storage.md)'),
  column(
    '_Table',
    'text',
    'string',
    'vendor table of a row kept as it came; null for Windows events',
  ),
  column('_Batch', 'int32', 'int', 'the ingest run that stored the row'),
  column('_Source', 'text', 'string', 'file (and archive member) the row came from'),
  column('_Format', 'text', 'string', 'the export shape the row was read as'),
];

/** The `<System>` element. `Execution*` and `SystemUserID` avoid clashing with event-data names. */
export const SYSTEM_COLUMNS: readonly StoredColumn[] = [
  column('TimeCreated', 'time100ns', 'datetime', 'System/TimeCreated@SystemTime, UTC'),
  column('Provider', 'text', 'string', 'System/Provider@Name'),
  column('ProviderGuid', 'text', 'string', 'System/Provider@Guid'),
  column('EventSourceName', 'text', 'string', 'System/Provider@EventSourceName'),
  column('Channel', 'text', 'string', 'System/Channel'),
  column('EventID', 'int32', 'int', 'System/EventID'),
  column('Qualifiers', 'int32', 'int', 'System/EventID@Qualifiers'),
  column('Version', 'int16', 'int', 'System/Version'),
  column('Level', 'int16', 'int', 'System/Level'),
  column('Task', 'int32', 'int', 'System/Task'),
  column('Opcode', 'int16', 'int', 'System/Opcode'),
  column('Keywords', 'uint64', 'long', 'System/Keywords'),
  column('Computer', 'text', 'string', 'System/Computer'),
  column('EventRecordID', 'uint64', 'long', 'System/EventRecordID'),
  column('ExecutionProcessID', 'uint32', 'long', 'System/Execution@ProcessID'),
  column('ExecutionThreadID', 'uint32', 'long', 'System/Execution@ThreadID'),
  column('SystemUserID', 'text', 'string', 'System/Security@UserID'),
  column('ActivityID', 'text', 'string', 'System/Correlation@ActivityID'),
  column('RelatedActivityID', 'text', 'string', 'System/Correlation@RelatedActivityID'),
  column('Message', 'text', 'string', 'the rendered message, when the source carried one'),
];

/**
 * Event-data fields stored as columns of their own, by their Windows names. Values stay text as
 * Windows renders them (`0x3e7`, `-`, `%%1833`); the vendor views convert to the vendor's types.
 */
export const PROMOTED_FIELDS: readonly string[] = [
  // Security: who, from where, how
  'SubjectUserSid',
  'SubjectUserName',
  'SubjectDomainName',
  'SubjectLogonId',
  'TargetUserSid',
  'TargetUserName',
  'TargetDomainName',
  'TargetLogonId',
  'LogonType',
  'IpAddress',
  'IpPort',
  'WorkstationName',
  'AuthenticationPackageName',
  // Security: processes and services
  'NewProcessId',
  'NewProcessName',
  'ProcessId',
  'ProcessName',
  'CommandLine',
  'ParentProcessName',
  'ServiceName',
  'ImagePath',
  // Sysmon
  'ProcessGuid',
  'Image',
  'OriginalFileName',
  'User',
  'Hashes',
  'ParentProcessGuid',
  'ParentProcessId',
  'ParentImage',
  'ParentCommandLine',
  'SourceIp',
  'DestinationIp',
  'DestinationPort',
  'QueryName',
  'TargetFilename',
  'TargetObject',
];

const PROMOTED_SET = new Set(PROMOTED_FIELDS);

/** True when an event-data field has a column of its own. */
export function isPromoted(name: string): boolean {
  return PROMOTED_SET.has(name);
}

/** The leftovers: event-data fields without a column, and what the exporter added. */
export const LEFTOVER_COLUMNS: readonly StoredColumn[] = [
  column('EventData', 'fields', 'dynamic', 'event-data fields without a column of their own'),
  column('Extra', 'fields', 'dynamic', 'what the source added around the event (exporter fields)'),
];

/** Every column of the events table, in order. */
export const EVENT_COLUMNS: readonly StoredColumn[] = [
  ...IDENTITY_COLUMNS,
  ...SYSTEM_COLUMNS,
  ...PROMOTED_FIELDS.map((name) =>
    column(name, 'text', 'string', `EventData/Data[@Name='${name}']`),
  ),
  ...LEFTOVER_COLUMNS,
];

/** The name of the events table on every engine. */
export const EVENTS_TABLE = 'events';
