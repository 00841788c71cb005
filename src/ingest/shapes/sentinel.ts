/**
 * Rows exported from Microsoft Sentinel (Log Analytics): a `Type` column names the table.
 * `SecurityEvent`, `WindowsEvent` and `Event` rows are Windows events and join the stored
 * layout; rows of every other table are kept whole under their table's name.
 */
import { canonicalChannel } from './flat.js';
import { str, toInt, toKeywords, toTime, type RowAccess, type Shape } from './shape.js';

/** Columns Log Analytics adds to every row, and those Sentinel derives from the event. */
const WORKSPACE_COLUMNS = [
  'TenantId',
  'SourceSystem',
  'MG',
  'ManagementGroupName',
  '_ResourceId',
  'SourceComputerId',
  'EventOriginId',
  'TimeCollected',
  'Type',
];
const SECURITY_EVENT_DERIVED = [
  'TimeGenerated',
  'Computer',
  'EventID',
  'Channel',
  'EventSourceName',
  'Level',
  'Task',
  'Account',
  'AccountType',
  'Activity',
  'SubjectAccount',
  'TargetAccount',
  'Process',
  'LogonTypeName',
  'EventData',
  'EventData_string',
  'EventData_dynamic',
];
const EVENT_COLUMNS = [
  'TimeGenerated',
  'Source',
  'EventLog',
  'Computer',
  'EventID',
  'EventLevel',
  'EventLevelName',
  'EventCategory',
  'RenderedDescription',
  'UserName',
  'ParameterXml',
  'EventData',
  'EventData_string',
  'AzureDeploymentID',
  'Role',
];

/** Tests the row's `Type` column. */
const typeIs =
  (...names: string[]) =>
  (row: RowAccess): string =>
    `${row.text('Type')} IN (${names.map(str).join(', ')})`;

/** Log Analytics exports suffix a column's type when tables disagree on it (`ProcessId_string`). */
export function withoutTypeSuffixes(json: string): string {
  return (
    `regexp_replace(${json}, ` +
    `'"([A-Za-z0-9]+)_(string|dynamic|long|int|real|bool|datetime|guid|timespan)":', ` +
    `'"\\1":', 'g')::JSON`
  );
}

/** Named `<Data Name="X">v</Data>` items of an event XML text, as a JSON object. */
export function xmlDataFields(xml: string): string {
  const pattern = `'<Data Name=["'']([^"'']*)["'']\\s*>([^<]*)</Data>'`;
  const names = `regexp_extract_all(${xml}, ${pattern}, 1)`;
  const values = `regexp_extract_all(${xml}, ${pattern}, 2)`;
  const pair = `i -> to_json(${names}[i]) || ':' || to_json(${xmlDecode(`${values}[i]`)})`;
  return (
    `CASE WHEN ${xml} LIKE '%<Data%' THEN ('{' || array_to_string(` +
    `list_transform(range(1, len(${names}) + 1), ${pair}), ',') || '}')::JSON END`
  );
}

function xmlDecode(text: string): string {
  return (
    `replace(replace(replace(replace(replace(${text}, '&lt;', '<'), '&gt;', '>'), ` +
    `'&quot;', '"'), '&apos;', ''''), '&amp;', '&')`
  );
}

function workspaceExtra(row: RowAccess, derived: readonly string[]): [string, string][] {
  return [...WORKSPACE_COLUMNS, ...derived]
    .filter((c) => c !== 'EventData' && c !== 'EventData_string')
    .map((c) => [c, row.json(c)]);
}

/** Merges JSON objects left to right, skipping nulls. */
function mergeObjects(...objects: string[]): string {
  return objects.reduce((acc, obj) => `json_merge_patch(${acc}, coalesce(${obj}, '{}'))`, `'{}'`);
}

export const SENTINEL_SECURITY_EVENT_SHAPE: Shape = {
  name: 'sentinel-securityevent',
  test: typeIs('SecurityEvent'),
  build(row, options) {
    const xml = `coalesce(${row.text('EventData')}, ${row.text('EventData_string')})`;
    const unnamed = row.text('EventData_dynamic');
    return {
      system: {
        TimeCreated: toTime(row.text('TimeGenerated'), str(options.inputTz)),
        Provider: row.text('EventSourceName'),
        EventSourceName: row.text('EventSourceName'),
        Channel: canonicalChannel(row.text('Channel')),
        EventID: toInt(row.text('EventID'), 'INTEGER'),
        Task: toInt(row.text('Task'), 'INTEGER'),
        Computer: row.text('Computer'),
        EventRecordID: toInt(row.text('EventRecordId'), 'UBIGINT'),
      },
      data: mergeObjects(
        xmlDataFields(xml),
        withoutTypeSuffixes(row.whole()),
        `CASE WHEN ${unnamed} IS NOT NULL ` +
          `THEN json_object('Data', TRY_CAST(${unnamed} AS JSON)) END`,
      ),
      dataDrop: [...WORKSPACE_COLUMNS, ...SECURITY_EVENT_DERIVED, 'EventRecordId'],
      extra: workspaceExtra(row, SECURITY_EVENT_DERIVED),
      table: 'NULL',
    };
  },
};

export const SENTINEL_WINDOWS_EVENT_SHAPE: Shape = {
  name: 'sentinel-windowsevent',
  test: typeIs('WindowsEvent'),
  build(row, options) {
    const data = row.json('EventData');
    return {
      system: {
        TimeCreated: toTime(row.firstText('TimeCreated', 'TimeGenerated'), str(options.inputTz)),
        Provider: row.text('Provider'),
        Channel: canonicalChannel(row.text('Channel')),
        EventID: toInt(row.text('EventID'), 'INTEGER'),
        Version: toInt(row.text('Version'), 'SMALLINT'),
        Level: toInt(row.text('EventLevel'), 'SMALLINT'),
        Task: toInt(row.text('Task'), 'INTEGER'),
        Opcode: toInt(row.text('Opcode'), 'SMALLINT'),
        Keywords: toKeywords(row.text('Keywords')),
        Computer: row.text('Computer'),
        EventRecordID: toInt(row.text('EventRecordId'), 'UBIGINT'),
        ExecutionProcessID: toInt(row.text('SystemProcessId'), 'UINTEGER'),
        ExecutionThreadID: toInt(row.text('SystemThreadId'), 'UINTEGER'),
        SystemUserID: row.text('SystemUserId'),
      },
      // EventData is a dynamic column: an object, or the object's JSON text.
      data:
        `CASE json_type(${data}) WHEN 'VARCHAR' THEN TRY_CAST(${data}->>'$' AS JSON) ` +
        `ELSE ${data} END`,
      dataDrop: [],
      extra: workspaceExtra(row, ['EventLevelName', 'TimeGenerated', 'RawEventData']),
      table: 'NULL',
    };
  },
};

export const SENTINEL_EVENT_SHAPE: Shape = {
  name: 'sentinel-event',
  test: typeIs('Event'),
  build(row, options) {
    const xml = `coalesce(${row.text('EventData')}, ${row.text('EventData_string')})`;
    const unnamed = `regexp_extract_all(${xml}, '<Data>([^<]*)</Data>', 1)`;
    return {
      system: {
        TimeCreated: toTime(row.text('TimeGenerated'), str(options.inputTz)),
        Provider: row.text('Source'),
        Channel: canonicalChannel(row.text('EventLog')),
        EventID: toInt(row.text('EventID'), 'INTEGER'),
        Level: toInt(row.text('EventLevel'), 'SMALLINT'),
        Task: toInt(row.text('EventCategory'), 'INTEGER'),
        Computer: row.text('Computer'),
        Message: row.text('RenderedDescription'),
      },
      data: mergeObjects(
        xmlDataFields(xml),
        `CASE len(${unnamed}) WHEN 0 THEN NULL WHEN 1 THEN json_object('Data', ${unnamed}[1]) ` +
          `ELSE json_object('Data', to_json(${unnamed})) END`,
        withoutTypeSuffixes(row.whole()),
      ),
      dataDrop: [...WORKSPACE_COLUMNS, ...EVENT_COLUMNS],
      extra: workspaceExtra(row, ['EventLevelName', 'UserName', 'ParameterXml', 'TimeGenerated']),
      table: 'NULL',
    };
  },
};

/** Any other table: kept whole, under its own name. */
export const SENTINEL_TABLE_SHAPE: Shape = {
  name: 'sentinel-table',
  test: (row) => `${row.has('Type')} AND (${row.has('TimeGenerated')} OR ${row.has('Timestamp')})`,
  build(row, options) {
    return {
      system: {
        TimeCreated: toTime(row.firstText('TimeGenerated', 'Timestamp'), str(options.inputTz)),
        Computer: row.firstText('Computer', 'DeviceName', 'HostName', 'Hostname'),
      },
      data: withoutTypeSuffixes(row.whole()),
      dataDrop: ['Type'],
      extra: [],
      table: row.text('Type'),
    };
  },
};
