/**
 * Firewall and proxy events (`CommonSecurityLog` rows) as Splunk indexes them from a syslog
 * feed of CEF lines: `_raw` is the CEF line, the CEF extension keys are fields (`src`, `dpt`,
 * `act`, `request` ...), and so are the CIM names the network data models use (`dest`,
 * `dest_port`, `action`, `url` ...).
 */
import { call, caseWhen, col, concat, lit, rowField, type Expr } from '../../plan/expr.js';
import type { ScalarType } from '../../plan/types.js';
import { isNotNull, keptTable, text } from './exprs.js';
import { orderedFields, type IndexPart } from './splunk-index.js';
import type { ViewConfig } from './types.js';

/** The sourcetype and source of CEF lines received over syslog. */
export const CEF_SOURCETYPE = 'cef';
export const CEF_SOURCE = 'udp:514';

const row = (name: string, type: ScalarType = 'string'): Expr => rowField(name, type);

/** CEF extension keys and the `CommonSecurityLog` columns they fill. */
const CEF_KEYS: readonly (readonly [string, string])[] = [
  ['act', 'DeviceAction'],
  ['app', 'ApplicationProtocol'],
  ['proto', 'Protocol'],
  ['src', 'SourceIP'],
  ['spt', 'SourcePort'],
  ['dst', 'DestinationIP'],
  ['dpt', 'DestinationPort'],
  ['shost', 'SourceHostName'],
  ['dhost', 'DestinationHostName'],
  ['suser', 'SourceUserName'],
  ['duser', 'DestinationUserName'],
  ['smac', 'SourceMACAddress'],
  ['dmac', 'DestinationMACAddress'],
  ['sntdom', 'SourceNTDomain'],
  ['dntdom', 'DestinationNTDomain'],
  ['spid', 'SourceProcessId'],
  ['dpid', 'DestinationProcessId'],
  ['sproc', 'SourceProcessName'],
  ['dproc', 'DestinationProcessName'],
  ['request', 'RequestURL'],
  ['requestMethod', 'RequestMethod'],
  ['requestClientApplication', 'RequestClientApplication'],
  ['requestContext', 'RequestContext'],
  ['in', 'ReceivedBytes'],
  ['out', 'SentBytes'],
  ['cat', 'DeviceEventCategory'],
  ['msg', 'Message'],
  ['dvc', 'DeviceAddress'],
  ['dvchost', 'DeviceName'],
  ['deviceExternalId', 'DeviceExternalID'],
  ['externalId', 'ExtID'],
  ['cnt', 'EventCount'],
  ['outcome', 'EventOutcome'],
  ['reason', 'Reason'],
  ['fname', 'FileName'],
  ['filePath', 'FilePath'],
  ['fileHash', 'FileHash'],
  ['fsize', 'FileSize'],
  ['sourceTranslatedAddress', 'SourceTranslatedAddress'],
  ['sourceTranslatedPort', 'SourceTranslatedPort'],
  ['destinationTranslatedAddress', 'DestinationTranslatedAddress'],
  ['destinationTranslatedPort', 'DestinationTranslatedPort'],
  ['deviceInboundInterface', 'DeviceInboundInterface'],
  ['deviceOutboundInterface', 'DeviceOutboundInterface'],
  ['rt', 'ReceiptTime'],
  ...[1, 2, 3, 4, 5, 6].flatMap((n): [string, string][] => [
    [`cs${n}`, `DeviceCustomString${n}`],
    [`cs${n}Label`, `DeviceCustomString${n}Label`],
  ]),
  ...[1, 2, 3].flatMap((n): [string, string][] => [
    [`cn${n}`, `FieldDeviceCustomNumber${n}`],
    [`cn${n}Label`, `DeviceCustomNumber${n}Label`],
  ]),
];

/** CIM names of the network data models, by the column they come from. */
const CIM: Readonly<Record<string, Expr>> = {
  dest: row('DestinationIP'),
  src_ip: row('SourceIP'),
  dest_ip: row('DestinationIP'),
  src_port: row('SourcePort'),
  dest_port: row('DestinationPort'),
  src_host: row('SourceHostName'),
  dest_host: row('DestinationHostName'),
  action: call('lower', row('DeviceAction')),
  user: row('SourceUserName'),
  url: row('RequestURL'),
  http_method: row('RequestMethod'),
  http_user_agent: row('RequestClientApplication'),
  bytes_in: row('ReceivedBytes'),
  bytes_out: row('SentBytes'),
  transport: call('lower', row('Protocol')),
  vendor: row('DeviceVendor'),
  product: row('DeviceProduct'),
  vendor_product: concat(row('DeviceVendor'), ' ', row('DeviceProduct')),
};

/** Escapes a CEF header field: backslashes and pipes. */
const headerText = (value: Expr): Expr =>
  call(
    'replaceText',
    call('replaceText', text(value), lit('\\'), lit('\\\\')),
    lit('|'),
    lit('\\|'),
  );

/** Escapes a CEF extension value: backslashes, equals signs and line breaks. */
function extensionText(value: Expr): Expr {
  const backslashes = call('replaceText', text(value), lit('\\'), lit('\\\\'));
  const equals = call('replaceText', backslashes, lit('='), lit('\\='));
  return call('replaceText', equals, lit('\n'), lit('\\n'));
}

/** `CEF:0|Vendor|Product|Version|Class|Name|Severity|key=value ...`. */
const CEF_LINE: Expr = concat(
  'CEF:0|',
  headerText(row('DeviceVendor')),
  '|',
  headerText(row('DeviceProduct')),
  '|',
  headerText(row('DeviceVersion')),
  '|',
  headerText(row('DeviceEventClassID')),
  '|',
  headerText(row('Activity')),
  '|',
  headerText(row('LogSeverity')),
  '|',
  call(
    'arrayJoin',
    call(
      'arrayCompact',
      call(
        'array',
        ...CEF_KEYS.map(([key, column]) =>
          caseWhen([[isNotNull(row(column)), concat(`${key}=`, extensionText(row(column)))]]),
        ),
      ),
    ),
    lit(' '),
  ),
);

/** Fields Splunk holds as numbers. */
const NUMERIC = new Set([
  'linecount',
  'spt',
  'dpt',
  'in',
  'out',
  'cnt',
  'fsize',
  'src_port',
  'dest_port',
  'bytes_in',
  'bytes_out',
]);

function networkFieldType(name: string): ScalarType {
  if (name === '_time') return 'datetime';
  return NUMERIC.has(name) ? 'long' : 'string';
}

/** `CommonSecurityLog` rows' share of the network index. */
export function networkIndexPart(config: ViewConfig['splunk']): IndexPart {
  const meta: Record<string, Expr> = {
    _time: col('TimeCreated'),
    _raw: CEF_LINE,
    host: col('Computer'),
    source: lit(CEF_SOURCE),
    sourcetype: lit(CEF_SOURCETYPE),
    index: lit(config.networkIndex),
    linecount: lit(1),
    _ItemId: col('_ItemId'),
    cef_vendor: row('DeviceVendor'),
    cef_product: row('DeviceProduct'),
    cef_device_version: row('DeviceVersion'),
    signature_id: row('DeviceEventClassID'),
    name: row('Activity'),
    severity: row('LogSeverity'),
  };
  const cef = Object.fromEntries(CEF_KEYS.map(([key, column]) => [key, row(column)]));
  return {
    index: config.networkIndex,
    description: 'firewall and proxy events (CEF)',
    fields: orderedFields(meta, cef, CIM),
    typeOf: networkFieldType,
    where: keptTable('CommonSecurityLog'),
  };
}
