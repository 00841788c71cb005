/**
 * Every export shape Quarry maps, in the order rows are tested against them.
 */
import { DEFENDER_SHAPE } from './defender.js';
import { ECS_SHAPE } from './ecs.js';
import { EVENT_JSON_SHAPE } from './event-json.js';
import { FLAT_SHAPE } from './flat.js';
import { QUARRY_SHAPE } from './quarry.js';
import {
  SENTINEL_EVENT_SHAPE,
  SENTINEL_SECURITY_EVENT_SHAPE,
  SENTINEL_TABLE_SHAPE,
  SENTINEL_WINDOWS_EVENT_SHAPE,
} from './sentinel.js';
import type { Shape } from './shape.js';

export const SHAPES: readonly Shape[] = [
  QUARRY_SHAPE,
  EVENT_JSON_SHAPE,
  ECS_SHAPE,
  SENTINEL_SECURITY_EVENT_SHAPE,
  SENTINEL_WINDOWS_EVENT_SHAPE,
  SENTINEL_EVENT_SHAPE,
  SENTINEL_TABLE_SHAPE,
  DEFENDER_SHAPE,
  FLAT_SHAPE,
];

/** What a row must look like to be read, for error messages. */
export const SHAPE_EXPECTATION =
  'a Windows event (EventID and a time), a Sentinel row (Type and TimeGenerated), ' +
  'a Defender row (Timestamp and ActionType), a Winlogbeat event (winlog) ' +
  'or an evtx JSON dump (Event.System)';
