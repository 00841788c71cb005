/**
 * Which keys of a stored `EventData` are not the event's own fields. Exports that put the
 * event data at the top level of a row (`flat`, Sentinel's `SecurityEvent` and `Event`) keep
 * the whole row there, System, exporter and workspace columns included; renderings of the
 * event's fields (the `EventData` XML, `Param` lists, the dynamic object) leave those out.
 *
 * Each export shape names the keys it does not count as event data (`ShapeSql.dataDrop`);
 * this module reads them from the shapes, so the two never disagree.
 */
import { SHAPES } from '../../ingest/shapes/index.js';
import type { RowAccess } from '../../ingest/shapes/shape.js';

/** Formats whose `EventData` is the whole exported row. */
export const WHOLE_ROW_FORMATS: readonly string[] = [
  'flat',
  'sentinel-securityevent',
  'sentinel-event',
];

/**
 * Keys of whole exported rows that are not event data but that the shapes keep: System
 * fields as Log Analytics names them, and NXLog's `EventType` and `ProcessID`. Log Analytics'
 * own columns all start with `_` and are left out by that rule.
 */
const EXPORTER_SYSTEM_KEYS: readonly string[] = [
  'Keywords',
  'Opcode',
  'Version',
  'EventLevel',
  'EventLevelName',
  'SystemProcessId',
  'SystemThreadId',
  'SystemUserId',
  'Correlation',
  'EventRecordId',
  'AzureDeploymentID',
  'Role',
  'MachineGroup',
  'ProcessID',
  'EventType',
];

/** A `RowAccess` that answers with placeholders: enough to read a shape's constant parts. */
const PROBE: RowAccess = {
  text: () => 'x',
  json: () => 'x',
  firstText: () => 'x',
  has: () => 'FALSE',
  whole: () => 'x',
  pick: () => 'x',
};

let cached: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * For each `_Format` of Windows events, the keys its `EventData` holds besides the event's
 * fields. Whole-row formats also drop the exporter keys above; formats without such keys are
 * absent.
 */
export function nonEventKeys(): ReadonlyMap<string, readonly string[]> {
  cached ??= readShapes();
  return cached;
}

function readShapes(): Map<string, readonly string[]> {
  const keys = new Map<string, readonly string[]>();
  for (const shape of SHAPES) {
    const built = shape.build(PROBE, { inputTz: 'UTC', inputTzExplicit: true });
    // Rows kept whole are not Windows events; their EventData is all theirs.
    if (built.table !== 'NULL') continue;
    const extra = WHOLE_ROW_FORMATS.includes(shape.name) ? EXPORTER_SYSTEM_KEYS : [];
    const all = [...new Set([...built.dataDrop, ...extra])];
    if (all.length > 0) keys.set(shape.name, all);
  }
  return keys;
}
