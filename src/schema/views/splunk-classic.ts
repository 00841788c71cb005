/**
 * The classic `WinEventLog` family of Splunk's Windows fields. Splunk reads them off the
 * rendered text: the header lines (`LogName=Security`, `EventCode=4688` ...) and each
 * `Label: value` line of the message, the label's spaces turned into underscores. A label that
 * appears twice becomes a multivalue field: 4688's `Account_Name` holds the creator subject's
 * name, then the target subject's.
 */
import {
  and,
  call,
  caseWhen,
  coalesce,
  col,
  concat,
  field,
  lit,
  type Expr,
} from '../../plan/expr.js';
import { EVENT_TITLE } from './event-titles.js';
import {
  eventsOf,
  hasKeyword,
  isNull,
  KEYWORD,
  LEVEL_NAMES,
  lookup,
  not,
  SECURITY,
  text,
} from './exprs.js';

/** Task categories of the Security log by task number, as the message table names them. */
const SECURITY_TASKS: Readonly<Record<number, string>> = {
  104: 'Log clear',
  12288: 'Security State Change',
  12289: 'Security System Extension',
  12290: 'System Integrity',
  12292: 'Other System Events',
  12544: 'Logon',
  12545: 'Logoff',
  12546: 'Account Lockout',
  12548: 'Special Logon',
  12551: 'Other Logon/Logoff Events',
  12554: 'Group Membership',
  12800: 'File System',
  12801: 'Registry',
  12802: 'Kernel Object',
  12803: 'SAM',
  12804: 'Other Object Access Events',
  12807: 'Handle Manipulation',
  12808: 'File Share',
  12810: 'Filtering Platform Connection',
  12811: 'Detailed File Share',
  13056: 'Sensitive Privilege Use',
  13057: 'Non Sensitive Privilege Use',
  13312: 'Process Creation',
  13313: 'Process Termination',
  13314: 'DPAPI Activity',
  13317: 'Token Right Adjusted Events',
  13568: 'Audit Policy Change',
  13569: 'Authentication Policy Change',
  13570: 'Authorization Policy Change',
  13824: 'User Account Management',
  13825: 'Computer Account Management',
  13826: 'Security Group Management',
  13829: 'Other Account Management Events',
  14080: 'Directory Service Access',
  14081: 'Directory Service Changes',
  14336: 'Credential Validation',
  14337: 'Kerberos Service Ticket Operations',
  14338: 'Other Account Logon Events',
  14339: 'Kerberos Authentication Service',
};

const OPCODE_NAMES: Readonly<Record<number, string>> = { 0: 'Info', 1: 'Start', 2: 'Stop' };

/** Message-table codes Windows renders as text in the classic message. */
const RENDERED_CODES: Readonly<Record<string, string>> = {
  '%%1832': 'Identification',
  '%%1833': 'Impersonation',
  '%%1840': 'Delegation',
  '%%1842': 'Yes',
  '%%1843': 'No',
  '%%1936': 'TokenElevationTypeDefault (1)',
  '%%1937': 'TokenElevationTypeFull (2)',
  '%%1938': 'TokenElevationTypeLimited (3)',
  '%%2304': 'An Error occured during Logon.',
  '%%2307': 'Account locked out.',
  '%%2310': 'Account currently disabled.',
  '%%2313': 'Unknown user name or bad password.',
};

const MANDATORY_LABELS: Readonly<Record<string, string>> = {
  'S-1-16-4096': 'Mandatory Label\\Low Mandatory Level',
  'S-1-16-8192': 'Mandatory Label\\Medium Mandatory Level',
  'S-1-16-8448': 'Mandatory Label\\Medium Plus Mandatory Level',
  'S-1-16-12288': 'Mandatory Label\\High Mandatory Level',
  'S-1-16-16384': 'Mandatory Label\\System Mandatory Level',
};

/** A field as the classic message renders it: message-table codes as their text. */
const rendered = (name: string): Expr => lookup(field(name), RENDERED_CODES, field(name));

/** The field, for Security events with one of the ids only. */
const onSecurity = (ids: readonly number[], value: Expr): Expr =>
  caseWhen([[eventsOf(SECURITY, ids), value]]);

/** The field for Security events other than those ids. */
const onSecurityExcept = (ids: readonly number[], value: Expr): Expr =>
  caseWhen([[and(SECURITY, not(eventsOf(SECURITY, ids))), value]]);

/** A label the message shows under the subject and again under the target. */
function subjectThenTarget(subject: string, target: string): Expr {
  return caseWhen(
    [[and(isNull(field(subject)), isNull(field(target))), lit(null, 'dynamic')]],
    call('arrayCompact', call('array', field(subject), field(target))),
  );
}

/** `Microsoft Windows security auditing.`, as the classic header names the Security source. */
export const CLASSIC_SOURCE_NAME: Expr = caseWhen(
  [
    [
      call('eq', col('Provider'), lit('Microsoft-Windows-Security-Auditing')),
      lit('Microsoft Windows security auditing.'),
    ],
  ],
  coalesce(col('EventSourceName'), col('Provider')),
);

export const CLASSIC_KEYWORDS: Expr = caseWhen(
  [
    [hasKeyword(KEYWORD.auditSuccess), lit('Audit Success')],
    [hasKeyword(KEYWORD.auditFailure), lit('Audit Failure')],
    [hasKeyword(KEYWORD.classic), lit('Classic')],
    [isNull(col('Keywords')), lit(null)],
  ],
  lit('None'),
);

export const CLASSIC_TASK_CATEGORY: Expr = caseWhen(
  [
    [call('eq', col('Task'), lit(0)), lit('None')],
    [
      call('eq', col('Channel'), lit('Security')),
      lookup(col('Task'), SECURITY_TASKS, text(col('Task'))),
    ],
  ],
  text(col('Task')),
);

export const CLASSIC_OPCODE: Expr = lookup(col('Opcode'), OPCODE_NAMES, text(col('Opcode')));

/** The legacy event type of the header line, which follows the level. */
export const CLASSIC_EVENT_TYPE: Expr = text(col('Level'));

/**
 * The message: the one the source rendered, or else the event's title and its fields one
 * per line, so that words of the event are still found in `_raw`.
 */
export const CLASSIC_MESSAGE: Expr = coalesce(
  col('Message'),
  concat(coalesce(EVENT_TITLE, lit('')), '\n\n', call('eventDataText')),
);

/** The classic fields of the header and the message, by their Splunk names. */
export const CLASSIC_FIELDS: Readonly<Record<string, Expr>> = {
  LogName: col('Channel'),
  EventCode: col('EventID'),
  EventType: coalesce(field('EventType'), CLASSIC_EVENT_TYPE),
  ComputerName: col('Computer'),
  SourceName: CLASSIC_SOURCE_NAME,
  Type: lookup(col('Level'), LEVEL_NAMES),
  RecordNumber: col('EventRecordID'),
  TaskCategory: CLASSIC_TASK_CATEGORY,
  OpCode: CLASSIC_OPCODE,
  Message: CLASSIC_MESSAGE,
  Security_ID: subjectThenTarget('SubjectUserSid', 'TargetUserSid'),
  Account_Name: subjectThenTarget('SubjectUserName', 'TargetUserName'),
  Account_Domain: subjectThenTarget('SubjectDomainName', 'TargetDomainName'),
  Logon_ID: subjectThenTarget('SubjectLogonId', 'TargetLogonId'),
  New_Process_ID: field('NewProcessId'),
  New_Process_Name: field('NewProcessName'),
  Token_Elevation_Type: rendered('TokenElevationType'),
  Mandatory_Label: lookup(field('MandatoryLabel'), MANDATORY_LABELS, field('MandatoryLabel')),
  Creator_Process_ID: onSecurity([4688], field('ProcessId')),
  Creator_Process_Name: onSecurity([4688], field('ParentProcessName')),
  Process_Command_Line: onSecurity([4688], field('CommandLine')),
  Logon_Type: field('LogonType'),
  Logon_Process: field('LogonProcessName'),
  Authentication_Package: field('AuthenticationPackageName'),
  Workstation_Name: field('WorkstationName'),
  Source_Network_Address: field('IpAddress'),
  Source_Port: field('IpPort'),
  Logon_GUID: onSecurity([4624, 4648, 4769], field('LogonGuid')),
  Process_ID: onSecurityExcept([4688, 4625], field('ProcessId')),
  Process_Name: onSecurityExcept([4688, 4625], field('ProcessName')),
  Caller_Process_ID: onSecurity([4625], field('ProcessId')),
  Caller_Process_Name: onSecurity([4625], field('ProcessName')),
  Failure_Reason: rendered('FailureReason'),
  Sub_Status: field('SubStatus'),
  Privileges: field('PrivilegeList'),
  Service_Name: field('ServiceName'),
  Service_File_Name: coalesce(field('ServiceFileName'), field('ImagePath')),
  Service_Type: field('ServiceType'),
  Service_Start_Type: coalesce(field('ServiceStartType'), field('StartType')),
  Service_Account: coalesce(field('ServiceAccount'), field('AccountName')),
  SAM_Account_Name: field('SamAccountName'),
  Display_Name: field('DisplayName'),
  User_Principal_Name: field('UserPrincipalName'),
  Impersonation_Level: rendered('ImpersonationLevel'),
  Elevated_Token: rendered('ElevatedToken'),
  Virtual_Account: rendered('VirtualAccount'),
  Restricted_Admin_Mode: rendered('RestrictedAdminMode'),
  Key_Length: field('KeyLength'),
  Package_Name__NTLM_only_: field('LmPackageName'),
  Transited_Services: field('TransmittedServices'),
  Linked_Logon_ID: field('TargetLinkedLogonId'),
  Network_Account_Name: field('TargetOutboundUserName'),
  Network_Account_Domain: field('TargetOutboundDomainName'),
};
