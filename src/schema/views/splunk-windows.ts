/**
 * Windows events as Splunk indexes them. Both families of Splunk's Windows field names are
 * present whatever the configured sourcetype: the classic `WinEventLog` names (`EventCode`,
 * `New_Process_Name`, multivalue `Account_Name`) and the `XmlWinEventLog` names (`EventID`,
 * `NewProcessName`, `SubjectUserName`), plus the add-ons' CIM fields. The sourcetype decides
 * `_raw`, `source`, `sourcetype` and the value of `Keywords`, the one name the families share
 * with different values.
 */
import { call, col, concat, field, lit, type Expr } from '../../plan/expr.js';
import type { ScalarType } from '../../plan/types.js';
import { KEYWORDS_HEX, WINDOWS_EVENT } from './exprs.js';
import { CIM_FIELDS, CIM_NUMERIC, SYSMON_ADDON_FIELDS } from './splunk-cim.js';
import { CLASSIC_FIELDS, CLASSIC_KEYWORDS } from './splunk-classic.js';
import { WINDOWS_EVENTTYPE } from './splunk-eventtypes.js';
import { orderedFields, type IndexPart } from './splunk-index.js';
import { CLASSIC_RAW, EVENT_DATA_XML, SYSTEM_XML, XML_RAW } from './splunk-raw.js';
import { XML_ALIASES, XML_DATA_NAMES, XML_NUMERIC, XML_SYSTEM_FIELDS } from './splunk-xml.js';
import type { ViewConfig } from './types.js';

/** Classic fields that are multivalue: the subject's value, then the target's. */
const MULTIVALUE = new Set([
  'Security_ID',
  'Account_Name',
  'Account_Domain',
  'Logon_ID',
  'eventtype',
]);

const NUMERIC = new Set(['EventCode', 'RecordNumber', 'linecount', ...XML_NUMERIC, ...CIM_NUMERIC]);

/** The type of a Splunk field of Windows events. */
function windowsFieldType(name: string): ScalarType {
  if (name === '_time') return 'datetime';
  if (MULTIVALUE.has(name)) return 'dynamic';
  return NUMERIC.has(name) ? 'long' : 'string';
}

/** Windows events' share of the Windows index. */
export function windowsIndexPart(config: ViewConfig['splunk']): IndexPart {
  const xml = config.sourcetype === 'XmlWinEventLog';
  const raw = xml ? XML_RAW : CLASSIC_RAW;
  const meta: Record<string, Expr> = {
    _time: col('TimeCreated'),
    _raw: raw,
    host: col('Computer'),
    source: concat(`${config.sourcetype}:`, col('Channel')),
    sourcetype: lit(config.sourcetype),
    index: lit(config.windowsIndex),
    eventtype: WINDOWS_EVENTTYPE,
    linecount: call('arrayLength', call('split', raw, lit('\n'))),
    _ItemId: col('_ItemId'),
    Keywords: xml ? KEYWORDS_HEX : CLASSIC_KEYWORDS,
    System_Props_Xml: SYSTEM_XML,
    EventData_Xml: EVENT_DATA_XML,
  };
  const data = Object.fromEntries(XML_DATA_NAMES.map((name) => [name, field(name)]));
  return {
    index: config.windowsIndex,
    description: `Windows events (${config.sourcetype})`,
    fields: orderedFields(
      meta,
      CLASSIC_FIELDS,
      XML_SYSTEM_FIELDS,
      data,
      XML_ALIASES,
      CIM_FIELDS,
      SYSMON_ADDON_FIELDS,
    ),
    typeOf: windowsFieldType,
    where: WINDOWS_EVENT,
  };
}
