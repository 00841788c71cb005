/**
 * The fields the Splunk add-ons for Windows and Sysmon add for the Common Information Model
 * (`process`, `parent_process_name`, `user`, `dest` ...), derived the way the add-ons derive
 * them from Security 4688/4624 and Sysmon events.
 */
import { call, caseWhen, coalesce, col, field, lit, type Expr } from '../../plan/expr.js';
import { integrityOfLabel } from './defender.js';
import { EVENT_TITLE } from './event-titles.js';
import { SYSTEM_TIME } from './splunk-xml.js';
import { eventsOf, fileNameOf, hasKeyword, KEYWORD, orNull, SECURITY, SYSMON } from './exprs.js';

const PROCESS_PATH = coalesce(
  field('NewProcessName'),
  field('Image'),
  orNull(field('ProcessName')),
);
const PARENT_PATH = coalesce(field('ParentImage'), field('ParentProcessName'));
const LOGONS = eventsOf(SECURITY, [4624, 4625, 4634]);

export const CIM_FIELDS: Readonly<Record<string, Expr>> = {
  action: caseWhen(
    [
      [eventsOf(SECURITY, [4624]), lit('success')],
      [eventsOf(SECURITY, [4625]), lit('failure')],
      [hasKeyword(KEYWORD.auditSuccess), lit('allowed')],
      [hasKeyword(KEYWORD.auditFailure), lit('failure')],
    ],
    lit(null),
  ),
  dest: col('Computer'),
  dvc: col('Computer'),
  src: coalesce(orNull(field('IpAddress')), field('SourceIp'), orNull(field('WorkstationName'))),
  src_ip: coalesce(orNull(field('IpAddress')), field('SourceIp')),
  src_port: coalesce(orNull(field('IpPort')), field('SourcePort')),
  dest_ip: field('DestinationIp'),
  dest_port: field('DestinationPort'),
  src_user: orNull(field('SubjectUserName')),
  user: coalesce(orNull(field('TargetUserName')), orNull(field('SubjectUserName')), field('User')),
  user_id: col('SystemUserID'),
  process: coalesce(call('nullIfEmpty', field('CommandLine')), PROCESS_PATH),
  process_path: PROCESS_PATH,
  process_name: fileNameOf(PROCESS_PATH),
  process_exec: fileNameOf(PROCESS_PATH),
  process_id: coalesce(field('NewProcessId'), field('ProcessId')),
  process_guid: field('ProcessGuid'),
  process_hash: field('Hashes'),
  process_integrity_level: coalesce(
    field('IntegrityLevel'),
    integrityOfLabel(field('MandatoryLabel')),
  ),
  process_current_directory: field('CurrentDirectory'),
  original_file_name: field('OriginalFileName'),
  parent_process: coalesce(field('ParentCommandLine'), field('ParentProcessName')),
  parent_process_path: PARENT_PATH,
  parent_process_name: fileNameOf(PARENT_PATH),
  parent_process_exec: fileNameOf(PARENT_PATH),
  parent_process_id: caseWhen(
    [[eventsOf(SECURITY, [4688]), field('ProcessId')]],
    field('ParentProcessId'),
  ),
  parent_process_guid: field('ParentProcessGuid'),
  new_process: field('NewProcessName'),
  new_process_name: fileNameOf(field('NewProcessName')),
  new_process_id: field('NewProcessId'),
  service: field('ServiceName'),
  service_name: field('ServiceName'),
  start_mode: field('StartType'),
  session_id: caseWhen(
    [
      [LOGONS, field('TargetLogonId')],
      [SYSMON, field('LogonId')],
    ],
    field('SubjectLogonId'),
  ),
  signature: EVENT_TITLE,
  signature_id: col('EventID'),
  event_id: col('EventRecordID'),
  id: col('EventRecordID'),
  vendor_product: caseWhen([[SYSMON, lit('Microsoft Sysmon')]], lit('Microsoft Windows')),
  vendor: lit('Microsoft'),
  product: caseWhen([[SYSMON, lit('Sysmon')]], lit('Windows')),
  name: EVENT_TITLE,
  dvc_nt_host: col('Computer'),
  src_nt_domain: orNull(field('SubjectDomainName')),
  dest_nt_domain: orNull(field('TargetDomainName')),
};

/** A digest from Sysmon's `Hashes`, as the Sysmon add-on splits it. */
const hash = (algorithm: string): Expr =>
  call('regexExtract', field('Hashes'), lit(`(?:^|,)${algorithm}=([0-9A-Fa-f]+)`), lit(1));

/** Fields the Sysmon add-on adds to every event. */
export const SYSMON_ADDON_FIELDS: Readonly<Record<string, Expr>> = {
  EventChannel: col('Channel'),
  EventDescription: EVENT_TITLE,
  RecordID: col('EventRecordID'),
  SecurityID: col('SystemUserID'),
  TimeCreated: SYSTEM_TIME,
  MD5: hash('MD5'),
  SHA1: hash('SHA1'),
  SHA256: hash('SHA256'),
  IMPHASH: hash('IMPHASH'),
};

/** CIM fields Splunk holds as numbers. */
export const CIM_NUMERIC = new Set(['signature_id', 'event_id', 'id', 'RecordID']);
