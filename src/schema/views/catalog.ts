/**
 * Every vendor view Quarry defines, and the catalog the query front ends bind names against:
 * each view's columns in the vendor's spelling, their SQL names and their Kusto types.
 */
import { EVENTS_TABLE } from '../layout.js';
import { catalogColumns, type CatalogColumn } from './compile-view.js';
import { COMMON_SECURITY_LOG_VIEW } from './common-security-log.js';
import { DEVICE_FILE_EVENTS_VIEW } from './device-file-events.js';
import { DEVICE_LOGON_EVENTS_VIEW } from './device-logon-events.js';
import { DEVICE_NETWORK_EVENTS_VIEW } from './device-network-events.js';
import { DEVICE_PROCESS_EVENTS_VIEW } from './device-process-events.js';
import { EVENT_VIEW } from './event.js';
import { keptTableViews, type TableColumn } from './kept-tables.js';
import { SECURITY_EVENT_VIEW } from './security-event.js';
import { indexViews } from './splunk-index.js';
import { networkIndexPart } from './splunk-network.js';
import { windowsIndexPart } from './splunk-windows.js';
import { SYSMON_EVENT_VIEW } from './sysmon-event.js';
import { timeColumnOf, type ViewConfig, type ViewDefinition, type ViewSchema } from './types.js';
import { WINDOWS_EVENT_VIEW } from './windows-event.js';

/** The Sentinel and Defender views, whatever the store holds. */
export const FIXED_VIEWS: readonly ViewDefinition[] = [
  SECURITY_EVENT_VIEW,
  WINDOWS_EVENT_VIEW,
  EVENT_VIEW,
  SYSMON_EVENT_VIEW,
  DEVICE_PROCESS_EVENTS_VIEW,
  DEVICE_NETWORK_EVENTS_VIEW,
  DEVICE_LOGON_EVENTS_VIEW,
  DEVICE_FILE_EVENTS_VIEW,
  COMMON_SECURITY_LOG_VIEW,
];

/** Tables of the store itself; a kept vendor table of the same name gets no view. */
const STORE_TABLES = [EVENTS_TABLE, '_meta', '_batches', '_files', '_table_columns'];

/** Every view: the fixed ones, the Splunk indexes, and one per other table kept whole. */
export function viewDefinitions(
  config: ViewConfig,
  tableColumns: readonly TableColumn[],
): ViewDefinition[] {
  const splunk = indexViews([windowsIndexPart(config.splunk), networkIndexPart(config.splunk)]);
  const taken = [...FIXED_VIEWS.map((v) => v.name), ...STORE_TABLES];
  return [...FIXED_VIEWS, ...splunk, ...keptTableViews(tableColumns, taken)];
}

/** A view as the catalog describes it. */
export interface CatalogView {
  readonly name: string;
  readonly schema: ViewSchema;
  readonly description: string;
  /** The column that times the view's rows (`TimeGenerated`, or `_time` in Splunk). */
  readonly timeColumn: string;
  readonly columns: readonly CatalogColumn[];
}

/** The catalog entries of view definitions. */
export function catalogOf(views: readonly ViewDefinition[]): CatalogView[] {
  return views.map((view) => ({
    name: view.name,
    schema: view.schema,
    description: view.description,
    timeColumn: timeColumnOf(view),
    columns: catalogColumns(view.columns),
  }));
}
