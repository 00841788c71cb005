/**
 * Winlogbeat and other Elastic Common Schema exports: the event under `winlog`, its data
 * under `winlog.event_data` (or `winlog.user_data`), the time in `@timestamp`.
 */
import { hasKeys, str, toInt, toTime, type Shape } from './shape.js';

/** ECS writes the level by name; Windows numbers them. */
function levelNumber(name: string): string {
  return (
    `CASE lower(${name}) WHEN 'critical' THEN 1 WHEN 'error' THEN 2 WHEN 'warning' THEN 3 ` +
    `WHEN 'information' THEN 4 WHEN 'info' THEN 4 WHEN 'verbose' THEN 5 END`
  );
}

export const ECS_SHAPE: Shape = {
  name: 'ecs',
  test: (row) => hasKeys(row, 'winlog'),
  build(row, options) {
    const w = (...path: string[]) => row.text('winlog', ...path);
    return {
      system: {
        TimeCreated: toTime(row.text('@timestamp'), str(options.inputTz)),
        Provider: w('provider_name'),
        ProviderGuid: w('provider_guid'),
        Channel: w('channel'),
        EventID: toInt(w('event_id'), 'INTEGER'),
        Version: toInt(w('version'), 'SMALLINT'),
        Level: levelNumber(row.text('log', 'level')),
        Computer: w('computer_name'),
        EventRecordID: toInt(w('record_id'), 'UBIGINT'),
        ExecutionProcessID: toInt(w('process', 'pid'), 'UINTEGER'),
        ExecutionThreadID: toInt(w('process', 'thread', 'id'), 'UINTEGER'),
        SystemUserID: w('user', 'identifier'),
        ActivityID: w('activity_id'),
        RelatedActivityID: w('related_activity_id'),
        Message: row.text('message'),
      },
      data: `coalesce(${row.json('winlog', 'event_data')}, ${row.json('winlog', 'user_data')})`,
      dataDrop: [],
      extra: [
        [
          '*',
          `json_merge_patch(${row.whole()}, ` +
            `'{"winlog":{"event_data":null,"user_data":null},"message":null}')`,
        ],
      ],
      table: 'NULL',
    };
  },
};
