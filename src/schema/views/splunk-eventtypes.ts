/**
 * Splunk eventtypes of Windows events: the names the Splunk Add-on for Microsoft Windows
 * (8.x) and the Splunk Add-on for Sysmon give events by channel and event code. An event's
 * `eventtype` field lists every one that matches.
 */
import { and, call, caseWhen, col, eq, isIn, lit, or, type Expr } from '../../plan/expr.js';
import { SYSMON_CHANNEL } from '../landing.js';
import { not } from './exprs.js';

interface Eventtype {
  readonly name: string;
  /** Channels the eventtype covers; any when absent. */
  readonly channels?: readonly string[];
  /** Event codes it covers; any when absent. */
  readonly codes?: readonly number[];
  /** Event codes it leaves out. */
  readonly except?: readonly number[];
}

const SECURITY = ['Security'];
const CLASSIC_LOGS = ['Security', 'System', 'Application'];

const security = (name: string, ...codes: number[]): Eventtype => ({
  name,
  channels: SECURITY,
  codes,
});
const sysmon = (name: string, ...codes: number[]): Eventtype => ({
  name,
  channels: [SYSMON_CHANNEL],
  codes,
});

const ACCOUNT_CHANGES = [4703, 4704, 4705, 4722, 4723, 4724, 4725, 4726, 4738, 4767, 4781];

export const WINDOWS_EVENTTYPES: readonly Eventtype[] = [
  { name: 'windows_event_signature' },
  { name: 'wineventlog_security', channels: SECURITY },
  { name: 'winsec', channels: SECURITY },
  { name: 'wineventlog_system', channels: ['System'] },
  { name: 'winsystem', channels: ['System'] },
  { name: 'wineventlog_application', channels: ['Application'] },
  { name: 'winapp', channels: ['Application'] },
  { name: 'wineventlog_windows', channels: CLASSIC_LOGS, except: ACCOUNT_CHANGES },
  security('windows_audit_log_stopped', 1100),
  security('windows_audit_errors', 1101, 1104, 1108),
  security('windows_audit_log_cleared', 1102),
  security('windows_logon_success', 4624),
  security('windows_logon_failure', 4625),
  security('windows_logoff', 4634, 4647),
  security('windows_logon_explicit', 4648),
  security('windows_object_open', 4656),
  security('windows_handle_closed', 4658),
  security('windows_special_privileges', 4672),
  security('windows_privileged_service_call', 4673),
  security('windows_privileged_object_operation', 4674),
  security('windows_process_new', 4688),
  security('windows_process_exit', 4689),
  security('windows_process_token', 4696),
  security('windows_endpoint_processes', 4688, 4689, 4696, 4673, 4674),
  {
    name: 'windows_endpoint_services',
    channels: ['Security', 'System'],
    codes: [1100, 4697, 7045],
  },
  security('windows_audit_policy_change', 4715, 4719),
  security('windows_account_created', 4720, 4741),
  security('windows_account_enabled', 4722),
  security('windows_account_password_change', 4723),
  security('windows_account_password_set', 4724),
  security('windows_account_disabled', 4725),
  security('windows_account_deleted', 4726, 4743),
  security('windows_account_modified', 4738, 4742),
  security('windows_account_lockout', 4740),
  security('windows_account_unlocked', 4767),
  security('windows_security_change_account', ...ACCOUNT_CHANGES),
  security('windows_auth_ticket_granted', 4768),
  security('windows_service_ticket_granted', 4769, 4773),
  security('windows_ticket_renewed', 4770),
  security('windows_pre_auth_failed', 4771),
  security('windows_account_used4logon', 4776, 4777),
  security('windows_session_reconnected', 4778),
  security('windows_session_disconnected', 4779),
  sysmon('ms-sysmon-process', 1, 5, 6, 8, 9, 10, 15, 17, 18),
  sysmon('ms-sysmon-network', 3),
  sysmon('ms-sysmon-filemod', 2, 11),
  sysmon('ms-sysmon-regmod', 12, 13, 14),
  sysmon('ms-sysmon-wmimod', 19, 20, 21),
  sysmon('ms-sysmon-dns', 22),
];

function matches(eventtype: Eventtype): Expr {
  const tests: Expr[] = [];
  if (eventtype.channels) tests.push(or(...eventtype.channels.map((c) => eq(col('Channel'), c))));
  if (eventtype.codes) tests.push(isIn(col('EventID'), eventtype.codes));
  if (eventtype.except) tests.push(not(isIn(col('EventID'), eventtype.except)));
  return tests.length === 0 ? lit(true) : and(...tests);
}

/** The multivalue `eventtype` field of a Windows event. */
export const WINDOWS_EVENTTYPE: Expr = call(
  'arrayCompact',
  call('array', ...WINDOWS_EVENTTYPES.map((e) => caseWhen([[matches(e), lit(e.name)]]))),
);
