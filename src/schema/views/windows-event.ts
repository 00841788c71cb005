/**
 * Sentinel's `WindowsEvent` (the Azure Monitor Agent's table): every Windows event of every
 * channel, its event data as a dynamic object. Columns follow Microsoft's Azure Monitor Logs
 * table reference (2024-02 revision), plus `TimeCreated`, the event's own time.
 */
import { call, cast, coalesce, col, lit, type Expr } from '../../plan/expr.js';
import { KEYWORDS_HEX, levelName, text, WINDOWS_EVENT } from './exprs.js';
import { columnList, type ViewDefinition } from './types.js';

export const WINDOWS_EVENT_COLUMNS = columnList(`
  _BilledSize real, Channel string, Computer string, Correlation string, EventData dynamic,
  EventID int, EventLevel int, EventLevelName string, EventOriginId string,
  EventRecordId string, _IsBillable string, Keywords string, ManagementGroupName string,
  Opcode string, Provider string, RawEventData string, _ResourceId string,
  _SubscriptionId string, SystemProcessId int, SystemThreadId int, SystemUserId string,
  Task int, TenantId string, TimeGenerated datetime, Type string, Version int
`);

const COLUMNS = [...WINDOWS_EVENT_COLUMNS, ...columnList('TimeCreated datetime, _ItemId string')];

const extra = (name: string): Expr => call('extraField', lit(name));

const VALUES: Readonly<Record<string, Expr>> = {
  _BilledSize: cast('real', extra('_BilledSize')),
  Channel: col('Channel'),
  Computer: col('Computer'),
  Correlation: col('ActivityID'),
  EventData: call('eventDataJson'),
  EventID: col('EventID'),
  EventLevel: col('Level'),
  EventLevelName: coalesce(extra('EventLevelName'), levelName(col('Level'))),
  EventOriginId: extra('EventOriginId'),
  EventRecordId: text(col('EventRecordID')),
  _IsBillable: extra('_IsBillable'),
  Keywords: KEYWORDS_HEX,
  ManagementGroupName: extra('ManagementGroupName'),
  Opcode: text(col('Opcode')),
  Provider: col('Provider'),
  RawEventData: extra('RawEventData'),
  _ResourceId: extra('_ResourceId'),
  _SubscriptionId: extra('_SubscriptionId'),
  SystemProcessId: col('ExecutionProcessID'),
  SystemThreadId: col('ExecutionThreadID'),
  SystemUserId: col('SystemUserID'),
  Task: col('Task'),
  TenantId: extra('TenantId'),
  // A Sentinel export says when the row reached the workspace; otherwise the event's time.
  TimeGenerated: coalesce(cast('datetime', extra('TimeGenerated')), col('TimeCreated')),
  Type: lit('WindowsEvent'),
  Version: col('Version'),
  TimeCreated: col('TimeCreated'),
  _ItemId: col('_ItemId'),
};

export const WINDOWS_EVENT_VIEW: ViewDefinition = {
  name: 'WindowsEvent',
  schema: 'main',
  description: "Sentinel's WindowsEvent table: Windows events of every channel",
  columns: COLUMNS,
  branches: [{ where: WINDOWS_EVENT, values: VALUES }],
};
