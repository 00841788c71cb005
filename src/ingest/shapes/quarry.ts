/**
 * The shape Quarry's own readers write (see `staging.ts`):
 * `{"QuarryEvent": {System, EventData, Message, Extra}}`. Decoding XML or `.evtx` in
 * JavaScript and mapping the result with the same statement as JSON exports keeps one mapping
 * onto the layout.
 */
import { hasKeys, str, toInt, toKeywords, toTime, type Shape } from './shape.js';

const ROOT = 'QuarryEvent';

export const QUARRY_SHAPE: Shape = {
  name: 'quarry',
  test: (row) => hasKeys(row, ROOT),
  build(row, options) {
    const sys = (name: string) => row.text(ROOT, 'System', name);
    return {
      system: {
        TimeCreated: toTime(sys('TimeCreated'), str(options.inputTz)),
        Provider: sys('Provider'),
        ProviderGuid: sys('ProviderGuid'),
        EventSourceName: sys('EventSourceName'),
        Channel: sys('Channel'),
        EventID: toInt(sys('EventID'), 'INTEGER'),
        Qualifiers: toInt(sys('Qualifiers'), 'INTEGER'),
        Version: toInt(sys('Version'), 'SMALLINT'),
        Level: toInt(sys('Level'), 'SMALLINT'),
        Task: toInt(sys('Task'), 'INTEGER'),
        Opcode: toInt(sys('Opcode'), 'SMALLINT'),
        Keywords: toKeywords(sys('Keywords')),
        Computer: sys('Computer'),
        EventRecordID: toInt(sys('EventRecordID'), 'UBIGINT'),
        ExecutionProcessID: toInt(sys('ProcessID'), 'UINTEGER'),
        ExecutionThreadID: toInt(sys('ThreadID'), 'UINTEGER'),
        SystemUserID: sys('UserID'),
        ActivityID: sys('ActivityID'),
        RelatedActivityID: sys('RelatedActivityID'),
        Message: row.text(ROOT, 'Message'),
      },
      data: row.json(ROOT, 'EventData'),
      dataDrop: [],
      extra: [['*', row.json(ROOT, 'Extra')]],
      table: 'NULL',
    };
  },
};
