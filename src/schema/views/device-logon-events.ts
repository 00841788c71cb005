/**
 * Defender's `DeviceLogonEvents`: logons from Security events 4624 (success) and 4625
 * (failure), and Defender's own rows. The account is the one logged on (the target); the
 * initiating process and its account are the event's subject.
 */
import { call, caseWhen, coalesce, col, eq, field, isIn, lit, type Expr } from '../../plan/expr.js';
import { DEVICE_LOGON_COLUMNS } from './defender-columns.js';
import {
  DEVICE_EXTRA_COLUMNS,
  DEVICE_VALUES,
  ipType,
  nativeBranch,
  typedField,
} from './defender.js';
import {
  eventsOf,
  fileNameOf,
  hexLong,
  LOGON_TYPE,
  LOGON_TYPE_NAMES,
  lookup,
  orNull,
  SECURITY,
} from './exprs.js';
import type { ViewDefinition } from './types.js';

const COLUMNS = [...DEVICE_LOGON_COLUMNS, ...DEVICE_EXTRA_COLUMNS];

/** Why a logon failed, by NTSTATUS code (the sub-status when there is one). */
const FAILURE_REASONS: Readonly<Record<string, string>> = {
  '0xc0000064': 'UnknownUser',
  '0xc000006a': 'WrongPassword',
  '0xc000006d': 'InvalidUserNameOrPassword',
  '0xc000006e': 'AccountRestriction',
  '0xc000006f': 'OutsideAuthorizedHours',
  '0xc0000070': 'UnauthorizedWorkstation',
  '0xc0000071': 'PasswordExpired',
  '0xc0000072': 'AccountDisabled',
  '0xc0000133': 'ClockOutOfSync',
  '0xc000015b': 'LogonTypeNotGranted',
  '0xc0000193': 'AccountExpired',
  '0xc0000224': 'PasswordMustChange',
  '0xc0000234': 'AccountLocked',
  '0xc0000413': 'AuthenticationFirewall',
};

const STATUS = call(
  'lower',
  coalesce(
    caseWhen([
      [call('ne', call('lower', field('SubStatus')), lit('0x0')), orNull(field('SubStatus'))],
    ]),
    orNull(field('Status')),
  ),
);

const REMOTE_IP = orNull(field('IpAddress'));

const SECURITY_LOGON: Readonly<Record<string, Expr>> = {
  ...DEVICE_VALUES,
  ActionType: caseWhen([[eq(col('EventID'), 4624), lit('LogonSuccess')]], lit('LogonFailed')),
  LogonType: lookup(LOGON_TYPE, LOGON_TYPE_NAMES),
  AccountDomain: field('TargetDomainName'),
  AccountName: field('TargetUserName'),
  AccountSid: field('TargetUserSid'),
  Protocol: orNull(field('AuthenticationPackageName')),
  FailureReason: caseWhen([[eq(col('EventID'), 4625), lookup(STATUS, FAILURE_REASONS, STATUS)]]),
  LogonId: hexLong(field('TargetLogonId')),
  RemoteDeviceName: orNull(field('WorkstationName')),
  RemoteIP: REMOTE_IP,
  RemoteIPType: ipType(REMOTE_IP),
  RemotePort: typedField('IpPort', 'int'),
  // A network logon's subject is nobody: Windows writes `-` and the null SID.
  InitiatingProcessAccountDomain: orNull(field('SubjectDomainName')),
  InitiatingProcessAccountName: orNull(field('SubjectUserName')),
  InitiatingProcessAccountSid: caseWhen(
    [[isIn(field('SubjectUserSid'), ['S-1-0-0', '-', '']), lit(null)]],
    field('SubjectUserSid'),
  ),
  InitiatingProcessFileName: fileNameOf(orNull(field('ProcessName'))),
  InitiatingProcessFolderPath: orNull(field('ProcessName')),
  InitiatingProcessId: hexLong(field('ProcessId')),
};

export const DEVICE_LOGON_EVENTS_VIEW: ViewDefinition = {
  name: 'DeviceLogonEvents',
  schema: 'main',
  description: "Defender's DeviceLogonEvents: logons and failed logons (Security 4624, 4625)",
  columns: COLUMNS,
  branches: [
    { where: eventsOf(SECURITY, [4624, 4625]), values: SECURITY_LOGON },
    nativeBranch('DeviceLogonEvents', COLUMNS),
  ],
};
