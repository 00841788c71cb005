/**
 * Sentinel's legacy `Event` table (the Log Analytics agent's): every Windows event outside the
 * Security channel, which has `SecurityEvent` to itself. Sysmon and System 7045 land here in
 * Sentinel. Columns follow Microsoft's Azure Monitor Logs table reference (2024-07 revision).
 */
import { and, call, cast, coalesce, col, concat, eq, lit, or, type Expr } from '../../plan/expr.js';
import { isNull, levelName, not, WINDOWS_EVENT } from './exprs.js';
import { EVENT_NAMESPACE, QUARRY_SOURCE_SYSTEM } from './security-event.js';
import { columnList, type ViewDefinition } from './types.js';

export const EVENT_COLUMNS = columnList(`
  AzureDeploymentID string, _BilledSize real, Computer string, EventCategory int,
  EventData string, EventID int, EventLevel int, EventLevelName string, EventLog string,
  _IsBillable string, ManagementGroupName string, Message string, ParameterXml string,
  RenderedDescription string, _ResourceId string, Role string, Source string,
  SourceSystem string, _SubscriptionId string, TimeGenerated datetime, Type string,
  UserName string
`);

const COLUMNS = [...EVENT_COLUMNS, ...columnList('_ItemId string')];

const extra = (name: string): Expr => call('extraField', lit(name));

/** The agent wraps the event data in a `DataItem`; Sentinel content parses it back. */
const EVENT_DATA = concat(
  '<DataItem type="System.XmlData" time="',
  call('formatDatetime', col('TimeCreated'), lit('yyyy-MM-ddTHH:mm:ss.fffffffZ')),
  '" sourceHealthServiceId="00000000-0000-0000-0000-000000000000">',
  `<EventData xmlns="${EVENT_NAMESPACE}">`,
  call('eventDataXml', lit('"')),
  '</EventData></DataItem>',
);

const VALUES: Readonly<Record<string, Expr>> = {
  AzureDeploymentID: extra('AzureDeploymentID'),
  _BilledSize: cast('real', extra('_BilledSize')),
  Computer: col('Computer'),
  EventCategory: col('Task'),
  EventData: EVENT_DATA,
  EventID: col('EventID'),
  EventLevel: col('Level'),
  EventLevelName: coalesce(extra('EventLevelName'), levelName(col('Level'))),
  EventLog: col('Channel'),
  _IsBillable: extra('_IsBillable'),
  ManagementGroupName: extra('ManagementGroupName'),
  ParameterXml: coalesce(extra('ParameterXml'), call('eventDataParams')),
  RenderedDescription: col('Message'),
  _ResourceId: extra('_ResourceId'),
  Role: extra('Role'),
  Source: coalesce(col('EventSourceName'), col('Provider')),
  SourceSystem: coalesce(extra('SourceSystem'), lit(QUARRY_SOURCE_SYSTEM)),
  _SubscriptionId: extra('_SubscriptionId'),
  TimeGenerated: col('TimeCreated'),
  Type: lit('Event'),
  UserName: coalesce(extra('UserName'), col('SystemUserID')),
  _ItemId: col('_ItemId'),
};

export const EVENT_VIEW: ViewDefinition = {
  name: 'Event',
  schema: 'main',
  description: "Sentinel's Event table: Windows events outside the Security channel",
  columns: COLUMNS,
  branches: [
    {
      where: and(WINDOWS_EVENT, or(isNull(col('Channel')), not(eq(col('Channel'), 'Security')))),
      values: VALUES,
    },
  ],
};
