/**
 * `{"Event": {"System": ..., "EventData": ...}}`: the XML event turned into JSON, as evtx
 * dumpers write it, with attributes under `#attributes` and element text under `#text`.
 */
import { str, toInt, toKeywords, toTime, type RowAccess, type Shape } from './shape.js';

const ATTRS = '#attributes';

function systemText(row: RowAccess, element: string): string {
  return row.text('Event', 'System', element);
}

function attribute(row: RowAccess, element: string, name: string): string {
  return row.text('Event', 'System', element, ATTRS, name);
}

export const EVENT_JSON_SHAPE: Shape = {
  name: 'event-json',
  test: (row) => row.has('Event', 'System'),
  build(row, options) {
    // EventID is a number, or an object with `#text` when it carries Qualifiers.
    const idText = systemText(row, 'EventID');
    const idJson = `TRY_CAST(${idText} AS JSON)`;
    const eventId = `coalesce(${idJson}->>'$."#text"', ${idText})`;
    const userData = row.json('Event', 'UserData');
    return {
      system: {
        TimeCreated: toTime(attribute(row, 'TimeCreated', 'SystemTime'), str(options.inputTz)),
        Provider: attribute(row, 'Provider', 'Name'),
        ProviderGuid: attribute(row, 'Provider', 'Guid'),
        EventSourceName: attribute(row, 'Provider', 'EventSourceName'),
        Channel: systemText(row, 'Channel'),
        EventID: toInt(eventId, 'INTEGER'),
        Qualifiers: toInt(`${idJson}->>'$."#attributes".Qualifiers'`, 'INTEGER'),
        Version: toInt(systemText(row, 'Version'), 'SMALLINT'),
        Level: toInt(systemText(row, 'Level'), 'SMALLINT'),
        Task: toInt(systemText(row, 'Task'), 'INTEGER'),
        Opcode: toInt(systemText(row, 'Opcode'), 'SMALLINT'),
        Keywords: toKeywords(systemText(row, 'Keywords')),
        Computer: systemText(row, 'Computer'),
        EventRecordID: toInt(systemText(row, 'EventRecordID'), 'UBIGINT'),
        ExecutionProcessID: toInt(attribute(row, 'Execution', 'ProcessID'), 'UINTEGER'),
        ExecutionThreadID: toInt(attribute(row, 'Execution', 'ThreadID'), 'UINTEGER'),
        SystemUserID: attribute(row, 'Security', 'UserID'),
        ActivityID: attribute(row, 'Correlation', 'ActivityID'),
        RelatedActivityID: attribute(row, 'Correlation', 'RelatedActivityID'),
        Message: `${row.json('Event', 'RenderingInfo')}->>'$.Message'`,
      },
      // UserData holds one element whose children are the fields.
      data:
        `coalesce(${row.json('Event', 'EventData')}, ` +
        `CASE WHEN ${userData} IS NOT NULL THEN json_extract(${userData}, '$.*')[1] END)`,
      dataDrop: [ATTRS, 'xmlns'],
      extra: [['RenderingInfo', row.json('Event', 'RenderingInfo')]],
      table: 'NULL',
    };
  },
};
