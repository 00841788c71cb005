/**
 * `SysmonEvent`: every Sysmon event, one column per common Sysmon field, in the spirit of the
 * Sysmon parser functions Sentinel users install over the `Event` table. The column set is
 * Quarry's own: there is no vendor table of this name.
 */
import { call, coalesce, col, field, lit, type Expr } from '../../plan/expr.js';
import { levelName, SYSMON, text } from './exprs.js';
import { columnList, type ViewDefinition } from './types.js';

/** Sysmon's event-data fields, by their names in Sysmon's schema. */
export const SYSMON_FIELDS: readonly string[] = `
  RuleName UtcTime ProcessGuid ProcessId Image FileVersion Description Product Company
  OriginalFileName CommandLine CurrentDirectory User LogonGuid LogonId TerminalSessionId
  IntegrityLevel Hashes ParentProcessGuid ParentProcessId ParentImage ParentCommandLine ParentUser
  Protocol Initiated SourceIsIpv6 SourceIp SourceHostname SourcePort SourcePortName
  DestinationIsIpv6 DestinationIp DestinationHostname DestinationPort DestinationPortName
  ImageLoaded Signed Signature SignatureStatus SourceProcessGuid SourceProcessId SourceThreadId
  SourceImage TargetProcessGuid TargetProcessId TargetImage NewThreadId StartAddress StartModule
  StartFunction GrantedAccess CallTrace SourceUser TargetUser TargetFilename CreationUtcTime
  PreviousCreationUtcTime EventType TargetObject Details NewName QueryName QueryStatus
  QueryResults PipeName Device Archived IsExecutable
`
  .split(/\s+/)
  .filter((name) => name !== '');

const COLUMNS = [
  ...columnList(`
    TimeGenerated datetime, Source string, EventLog string, Computer string, EventID int,
    EventLevel int, EventLevelName string, EventRecordId string, RenderedDescription string,
    UserName string
  `),
  ...SYSMON_FIELDS.map((name) => ({ name, type: 'string' as const })),
  ...columnList('EventData dynamic, Type string, _ItemId string'),
];

/** Sysmon 10 spells `GUID` in capitals where Sysmon 8 writes `Guid`. */
const guid = (name: string): Expr => coalesce(field(`${name}Guid`), field(`${name}GUID`));

const VALUES: Readonly<Record<string, Expr>> = {
  ...Object.fromEntries(SYSMON_FIELDS.map((name) => [name, field(name)])),
  TimeGenerated: col('TimeCreated'),
  Source: col('Provider'),
  EventLog: col('Channel'),
  Computer: col('Computer'),
  EventID: col('EventID'),
  EventLevel: col('Level'),
  EventLevelName: levelName(col('Level')),
  EventRecordId: text(col('EventRecordID')),
  RenderedDescription: col('Message'),
  UserName: col('SystemUserID'),
  SourceProcessGuid: guid('SourceProcess'),
  TargetProcessGuid: guid('TargetProcess'),
  EventData: call('eventDataJson'),
  Type: lit('SysmonEvent'),
  _ItemId: col('_ItemId'),
};

export const SYSMON_EVENT_VIEW: ViewDefinition = {
  name: 'SysmonEvent',
  schema: 'main',
  description: 'Sysmon events (Microsoft-Windows-Sysmon/Operational), one column per Sysmon field',
  columns: COLUMNS,
  branches: [{ where: SYSMON, values: VALUES }],
};
