/**
 * Defender's `DeviceFileEvents`: files created (Sysmon 11) and deleted (Sysmon 23 and 26),
 * and Defender's own rows.
 */
import { col, field, type Expr } from '../../plan/expr.js';
import { DEVICE_FILE_COLUMNS } from './defender-columns.js';
import {
  DEVICE_EXTRA_COLUMNS,
  DEVICE_VALUES,
  hashOf,
  longField,
  nativeBranch,
} from './defender.js';
import { domainOf, eventsOf, fileNameOf, lookup, SYSMON, userOf } from './exprs.js';
import type { ViewDefinition } from './types.js';

const COLUMNS = [...DEVICE_FILE_COLUMNS, ...DEVICE_EXTRA_COLUMNS];

const ACTION_BY_EVENT = { 11: 'FileCreated', 23: 'FileDeleted', 26: 'FileDeleted' };

const SYSMON_FILE: Readonly<Record<string, Expr>> = {
  ...DEVICE_VALUES,
  ActionType: lookup(col('EventID'), ACTION_BY_EVENT),
  FileName: fileNameOf(field('TargetFilename')),
  FolderPath: field('TargetFilename'),
  SHA1: hashOf('SHA1'),
  SHA256: hashOf('SHA256'),
  MD5: hashOf('MD5'),
  InitiatingProcessAccountDomain: domainOf(field('User')),
  InitiatingProcessAccountName: userOf(field('User')),
  InitiatingProcessFolderPath: field('Image'),
  InitiatingProcessFileName: fileNameOf(field('Image')),
  InitiatingProcessId: longField('ProcessId'),
};

export const DEVICE_FILE_EVENTS_VIEW: ViewDefinition = {
  name: 'DeviceFileEvents',
  schema: 'main',
  description: "Defender's DeviceFileEvents: files created and deleted (Sysmon 11, 23, 26)",
  columns: COLUMNS,
  branches: [
    { where: eventsOf(SYSMON, [11, 23, 26]), values: SYSMON_FILE },
    nativeBranch('DeviceFileEvents', COLUMNS),
  ],
};
