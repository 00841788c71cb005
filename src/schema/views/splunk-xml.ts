/**
 * The `XmlWinEventLog` family of Splunk's Windows fields: every element of `<System>` without
 * attributes by its tag, every attribute inside `<System>` by its name, and every
 * `<Data Name="X">` of the event data as `X`; plus the aliases the Windows add-on defines for
 * XML events (`Caller_User_Name` for `SubjectUserName` ...).
 */
import { call, col, field, lit, type Expr } from '../../plan/expr.js';
import { lookup } from './exprs.js';
import { SYSMON_FIELDS } from './sysmon-event.js';

/** `2020-09-14T12:06:02.5912345Z`, as Windows writes `SystemTime`. */
export const SYSTEM_TIME: Expr = call(
  'formatDatetime',
  col('TimeCreated'),
  lit('yyyy-MM-ddTHH:mm:ss.fffffffZ'),
);

/** Fields of `<System>`, by the names Splunk extracts them under. */
export const XML_SYSTEM_FIELDS: Readonly<Record<string, Expr>> = {
  EventID: col('EventID'),
  Version: col('Version'),
  Level: col('Level'),
  Task: col('Task'),
  Opcode: col('Opcode'),
  EventRecordID: col('EventRecordID'),
  Channel: col('Channel'),
  Computer: col('Computer'),
  Name: col('Provider'),
  Guid: col('ProviderGuid'),
  EventSourceName: col('EventSourceName'),
  Qualifiers: col('Qualifiers'),
  SystemTime: SYSTEM_TIME,
  ProcessID: col('ExecutionProcessID'),
  ThreadID: col('ExecutionThreadID'),
  UserID: col('SystemUserID'),
  ActivityID: col('ActivityID'),
  RelatedActivityID: col('RelatedActivityID'),
};

/**
 * Event-data names of the Windows events analysts hunt most (Security, System 7045, Sysmon).
 * Sysmon 10 spells `SourceProcessGUID` where Sysmon 8 writes `SourceProcessGuid`; Splunk
 * keeps both, as different fields.
 */
const WINDOWS_DATA_NAMES = `
  SubjectUserSid SubjectUserName SubjectDomainName SubjectLogonId NewProcessId NewProcessName
  TokenElevationType ProcessId CommandLine TargetUserSid TargetUserName TargetDomainName
  TargetLogonId ParentProcessName MandatoryLabel LogonType LogonProcessName
  AuthenticationPackageName WorkstationName LogonGuid TransmittedServices LmPackageName KeyLength
  ProcessName IpAddress IpPort ImpersonationLevel RestrictedAdminMode TargetOutboundUserName
  TargetOutboundDomainName VirtualAccount TargetLinkedLogonId ElevatedToken Status FailureReason
  SubStatus PrivilegeList TargetSid SamAccountName DisplayName UserPrincipalName HomeDirectory
  HomePath ScriptPath ProfilePath UserWorkstations PasswordLastSet AccountExpires PrimaryGroupId
  AllowedToDelegateTo OldUacValue NewUacValue UserAccountControl UserParameters SidHistory
  LogonHours ServiceName ServiceFileName ServiceType ServiceStartType ServiceAccount ImagePath
  StartType AccountName ObjectServer ObjectType ObjectName HandleId AccessMask AccessList
  ShareName ShareLocalPath RelativeTargetName MemberName MemberSid TargetServerName TargetInfo
  TicketOptions TicketEncryptionType PreAuthType ServiceSid TaskName TaskContent
  SourceProcessGUID TargetProcessGUID
`;

export const XML_DATA_NAMES: readonly string[] = [
  ...new Set([...WINDOWS_DATA_NAMES.split(/\s+/).filter((n) => n !== ''), ...SYSMON_FIELDS]),
];

/** Aliases the Windows add-on defines for XML events. */
export const XML_ALIASES: Readonly<Record<string, Expr>> = {
  Caller_User_Name: field('SubjectUserName'),
  Caller_Domain: field('SubjectDomainName'),
  Target_User_Name: field('TargetUserName'),
  Target_Domain: field('TargetDomainName'),
  Source_Workstation: field('WorkstationName'),
  Token_Elevation_Type_id: call(
    'regexExtract',
    lookup(field('TokenElevationType'), { '%%1936': '1', '%%1937': '2', '%%1938': '3' }),
    lit('([0-9]+)'),
    lit(1),
  ),
};

/** Numeric System fields; Splunk compares them as numbers. */
export const XML_NUMERIC = new Set([
  'EventID',
  'Version',
  'Level',
  'Task',
  'Opcode',
  'EventRecordID',
  'Qualifiers',
  'ProcessID',
  'ThreadID',
]);
