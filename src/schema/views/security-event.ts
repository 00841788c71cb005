/**
 * Sentinel's `SecurityEvent`: every Windows event of the Security channel. Event-data fields
 * fill the columns of the same name; the agent's own columns (`Account`, `Activity`,
 * `LogonTypeName` ...) are derived the way Sentinel fills them. A row exported from Sentinel
 * keeps the values Sentinel gave it.
 */
import {
  call,
  caseWhen,
  cast,
  coalesce,
  col,
  concat,
  eq,
  field,
  isIn,
  lit,
  type Expr,
} from '../../plan/expr.js';
import { EVENT_TITLE } from './event-titles.js';
import {
  domainUser,
  fileNameOf,
  hasKeyword,
  isNotNull,
  isNull,
  KEYWORD,
  KEYWORDS_HEX,
  levelName,
  LOGON_TYPE,
  LOGON_TYPE_NAMES,
  lookup,
  MESSAGE_TITLE,
  orNull,
  SECURITY,
  text,
} from './exprs.js';
import { SECURITY_EVENT_COLUMNS } from './security-event-columns.js';
import type { ViewDefinition } from './types.js';

/** The namespace of Windows event XML. */
export const EVENT_NAMESPACE = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** What `SourceSystem` says for rows Quarry read itself, rather than exported from Sentinel. */
export const QUARRY_SOURCE_SYSTEM = 'Quarry';

/** Events whose `Account` is the target account; for the others it is the subject. */
const TARGET_ACCOUNT_EVENTS = [
  4624, 4625, 4634, 4647, 4720, 4722, 4723, 4724, 4725, 4726, 4738, 4740, 4767, 4768, 4769, 4771,
  4776,
];

/** A column of a Sentinel export, read only for rows that came from one. */
const exported = (name: string): Expr =>
  caseWhen([[eq(col('_Format'), 'sentinel-securityevent'), field(name)]]);

const SUBJECT_ACCOUNT = domainUser(field('SubjectDomainName'), field('SubjectUserName'));
const TARGET_ACCOUNT = domainUser(field('TargetDomainName'), field('TargetUserName'));
const TARGET_FIRST = isIn(col('EventID'), TARGET_ACCOUNT_EVENTS);

const ACCOUNT = caseWhen(
  [[TARGET_FIRST, coalesce(TARGET_ACCOUNT, SUBJECT_ACCOUNT)]],
  coalesce(SUBJECT_ACCOUNT, TARGET_ACCOUNT),
);

const ACCOUNT_USER = caseWhen(
  [[TARGET_FIRST, coalesce(field('TargetUserName'), field('SubjectUserName'))]],
  coalesce(field('SubjectUserName'), field('TargetUserName')),
);

/** Machine accounts end with `$`. */
const ACCOUNT_TYPE = caseWhen(
  [
    [isNull(ACCOUNT_USER), lit(null)],
    [call('endsWithIgnoreCase', ACCOUNT_USER, lit('$')), lit('Machine')],
  ],
  lit('User'),
);

/** `4688 - A new process has been created.`, or the id alone when the title is unknown. */
const ACTIVITY = caseWhen(
  [
    [
      isNotNull(coalesce(EVENT_TITLE, MESSAGE_TITLE)),
      concat(text(col('EventID')), ' - ', coalesce(EVENT_TITLE, MESSAGE_TITLE)),
    ],
  ],
  text(col('EventID')),
);

const LOGON_TYPE_NAME = caseWhen(
  [
    [isNull(LOGON_TYPE), lit(null)],
    [isNull(lookup(LOGON_TYPE, LOGON_TYPE_NAMES)), text(LOGON_TYPE)],
  ],
  concat(text(LOGON_TYPE), ' - ', lookup(LOGON_TYPE, LOGON_TYPE_NAMES)),
);

/**
 * The legacy event type the agent reports: 8 for audit success, 16 for audit failure (the
 * second inferred from the first), otherwise the XML level.
 */
const LEVEL = caseWhen(
  [
    [hasKeyword(KEYWORD.auditSuccess), lit('8')],
    [hasKeyword(KEYWORD.auditFailure), lit('16')],
  ],
  text(col('Level')),
);

const EVENT_DATA_XML = concat(
  `<EventData xmlns="${EVENT_NAMESPACE}">`,
  call('eventDataXml', lit('"')),
  '</EventData>',
);

/** Columns that are not the same-named event-data field. */
const DERIVED: Readonly<Record<string, Expr>> = {
  Account: coalesce(exported('Account'), ACCOUNT),
  AccountType: coalesce(exported('AccountType'), ACCOUNT_TYPE),
  Activity: coalesce(exported('Activity'), ACTIVITY),
  Channel: col('Channel'),
  Computer: col('Computer'),
  Correlation: coalesce(col('ActivityID'), exported('Correlation')),
  EventData: EVENT_DATA_XML,
  EventID: col('EventID'),
  EventLevelName: coalesce(exported('EventLevelName'), levelName(col('Level'))),
  EventRecordId: coalesce(text(col('EventRecordID')), exported('EventRecordId')),
  EventSourceName: col('Provider'),
  Keywords: coalesce(KEYWORDS_HEX, exported('Keywords')),
  Level: coalesce(exported('Level'), LEVEL),
  LogonTypeName: coalesce(exported('LogonTypeName'), LOGON_TYPE_NAME),
  Opcode: coalesce(text(col('Opcode')), exported('Opcode')),
  Process: coalesce(
    exported('Process'),
    fileNameOf(coalesce(orNull(field('NewProcessName')), orNull(field('ProcessName')))),
  ),
  SourceSystem: coalesce(exported('SourceSystem'), lit(QUARRY_SOURCE_SYSTEM)),
  SubjectAccount: coalesce(exported('SubjectAccount'), SUBJECT_ACCOUNT),
  SystemProcessId: coalesce(cast('int', col('ExecutionProcessID')), exported('SystemProcessId')),
  SystemThreadId: coalesce(cast('int', col('ExecutionThreadID')), exported('SystemThreadId')),
  SystemUserId: coalesce(col('SystemUserID'), exported('SystemUserId')),
  TargetAccount: coalesce(exported('TargetAccount'), TARGET_ACCOUNT),
  Task: col('Task'),
  TimeGenerated: col('TimeCreated'),
  Type: lit('SecurityEvent'),
  Version: coalesce(col('Version'), cast('int', exported('Version'))),
  _ItemId: col('_ItemId'),
};

const COLUMNS = [...SECURITY_EVENT_COLUMNS, { name: '_ItemId', type: 'string' as const }];

export const SECURITY_EVENT_VIEW: ViewDefinition = {
  name: 'SecurityEvent',
  schema: 'main',
  description: "Sentinel's SecurityEvent table: Windows events of the Security channel",
  columns: COLUMNS,
  branches: [
    {
      where: SECURITY,
      values: Object.fromEntries(
        COLUMNS.map((c) => [c.name, DERIVED[c.name] ?? field(c.name, c.type)]),
      ),
    },
  ],
};
