/**
 * `_raw` of a Windows event in each Splunk rendering: the event XML for `XmlWinEventLog`, the
 * header lines and message for `WinEventLog`.
 */
import { call, caseWhen, col, concat, lit, type Expr } from '../../plan/expr.js';
import { isNotNull, KEYWORDS_HEX, LEVEL_NAMES, lookup, text } from './exprs.js';
import { EVENT_NAMESPACE } from './security-event.js';
import {
  CLASSIC_EVENT_TYPE,
  CLASSIC_KEYWORDS,
  CLASSIC_MESSAGE,
  CLASSIC_OPCODE,
  CLASSIC_SOURCE_NAME,
  CLASSIC_TASK_CATEGORY,
} from './splunk-classic.js';
import { SYSTEM_TIME } from './splunk-xml.js';

const escaped = (value: Expr): Expr => call('xmlEscape', text(value));

/** ` Name='value'`, or nothing when the value is null. */
const attribute = (name: string, value: Expr): Expr =>
  caseWhen([[isNotNull(value), concat(` ${name}='`, escaped(value), `'`)]], lit(''));

const element = (name: string, value: Expr): Expr =>
  concat(`<${name}>`, escaped(value), `</${name}>`);

/** The `<System>` element as Windows renders it, attributes in single quotes. */
export const SYSTEM_XML: Expr = concat(
  '<System><Provider',
  attribute('Name', col('Provider')),
  attribute('Guid', col('ProviderGuid')),
  attribute('EventSourceName', col('EventSourceName')),
  '/><EventID',
  attribute('Qualifiers', col('Qualifiers')),
  '>',
  text(col('EventID')),
  '</EventID>',
  element('Version', col('Version')),
  element('Level', col('Level')),
  element('Task', col('Task')),
  element('Opcode', col('Opcode')),
  element('Keywords', KEYWORDS_HEX),
  `<TimeCreated SystemTime='`,
  SYSTEM_TIME,
  `'/>`,
  element('EventRecordID', col('EventRecordID')),
  '<Correlation',
  attribute('ActivityID', col('ActivityID')),
  attribute('RelatedActivityID', col('RelatedActivityID')),
  '/><Execution',
  attribute('ProcessID', col('ExecutionProcessID')),
  attribute('ThreadID', col('ExecutionThreadID')),
  '/>',
  element('Channel', col('Channel')),
  element('Computer', col('Computer')),
  '<Security',
  attribute('UserID', col('SystemUserID')),
  '/></System>',
);

/** The `<Data Name='...'>` elements of the event data. */
export const EVENT_DATA_XML: Expr = call('eventDataXml', lit("'"));

/** The event as Windows renders it in XML. */
export const XML_RAW: Expr = concat(
  `<Event xmlns='${EVENT_NAMESPACE}'>`,
  SYSTEM_XML,
  '<EventData>',
  EVENT_DATA_XML,
  '</EventData></Event>',
);

/** One `Key=value` header line. */
const line = (key: string, value: Expr): (Expr | string)[] => [`${key}=`, value, '\n'];

/** The classic rendering: a time line, `Key=value` header lines, then the message. */
export const CLASSIC_RAW: Expr = concat(
  call('formatDatetime', col('TimeCreated'), lit('MM/dd/yyyy hh:mm:ss tt')),
  '\n',
  ...line('LogName', col('Channel')),
  ...line('EventCode', text(col('EventID'))),
  ...line('EventType', CLASSIC_EVENT_TYPE),
  ...line('ComputerName', col('Computer')),
  ...line('SourceName', CLASSIC_SOURCE_NAME),
  ...line('Type', lookup(col('Level'), LEVEL_NAMES)),
  ...line('RecordNumber', text(col('EventRecordID'))),
  ...line('Keywords', CLASSIC_KEYWORDS),
  ...line('TaskCategory', CLASSIC_TASK_CATEGORY),
  ...line('OpCode', CLASSIC_OPCODE),
  'Message=',
  CLASSIC_MESSAGE,
);
