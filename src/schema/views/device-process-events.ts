/**
 * Defender's `DeviceProcessEvents`: process creations from Sysmon event 1 and Security event
 * 4688, and Defender's own rows. Columns Defender fills from the parent process's own event
 * (its hashes, its creation time ...) stay null: one event does not carry them.
 */
import { and, caseWhen, cast, col, field, isIn, lit, type Expr } from '../../plan/expr.js';
import { DEVICE_PROCESS_COLUMNS } from './defender-columns.js';
import {
  DEVICE_EXTRA_COLUMNS,
  DEVICE_VALUES,
  hashOf,
  integrityOfLabel,
  longField,
  nativeBranch,
  tokenElevation,
} from './defender.js';
import {
  domainOf,
  eventsOf,
  fileNameOf,
  hexLong,
  isNotNull,
  not,
  SECURITY,
  SYSMON,
  userOf,
} from './exprs.js';
import type { ViewDefinition } from './types.js';

const COLUMNS = [...DEVICE_PROCESS_COLUMNS, ...DEVICE_EXTRA_COLUMNS];

const SYSMON_PROCESS: Readonly<Record<string, Expr>> = {
  ...DEVICE_VALUES,
  ActionType: lit('ProcessCreated'),
  FileName: fileNameOf(field('Image')),
  FolderPath: field('Image'),
  SHA1: hashOf('SHA1'),
  SHA256: hashOf('SHA256'),
  MD5: hashOf('MD5'),
  ProcessVersionInfoCompanyName: field('Company'),
  ProcessVersionInfoProductName: field('Product'),
  ProcessVersionInfoProductVersion: field('FileVersion'),
  ProcessVersionInfoOriginalFileName: field('OriginalFileName'),
  ProcessVersionInfoFileDescription: field('Description'),
  ProcessId: longField('ProcessId'),
  ProcessCommandLine: field('CommandLine'),
  ProcessIntegrityLevel: field('IntegrityLevel'),
  ProcessCreationTime: cast('datetime', field('UtcTime')),
  AccountDomain: domainOf(field('User')),
  AccountName: userOf(field('User')),
  LogonId: hexLong(field('LogonId')),
  InitiatingProcessAccountDomain: domainOf(field('ParentUser')),
  InitiatingProcessAccountName: userOf(field('ParentUser')),
  InitiatingProcessFileName: fileNameOf(field('ParentImage')),
  InitiatingProcessId: longField('ParentProcessId'),
  InitiatingProcessCommandLine: field('ParentCommandLine'),
  InitiatingProcessFolderPath: field('ParentImage'),
  CreatedProcessSessionId: longField('TerminalSessionId'),
};

/** 4688 names a target account only when the new process runs as another user. */
const HAS_TARGET = and(
  isNotNull(field('TargetUserSid')),
  not(isIn(field('TargetUserSid'), ['', 'S-1-0-0'])),
);
const targetOrSubject = (part: string): Expr =>
  caseWhen([[HAS_TARGET, field(`Target${part}`)]], field(`Subject${part}`));

const SECURITY_PROCESS: Readonly<Record<string, Expr>> = {
  ...DEVICE_VALUES,
  ActionType: lit('ProcessCreated'),
  FileName: fileNameOf(field('NewProcessName')),
  FolderPath: field('NewProcessName'),
  ProcessId: hexLong(field('NewProcessId')),
  ProcessCommandLine: field('CommandLine'),
  ProcessIntegrityLevel: integrityOfLabel(field('MandatoryLabel')),
  ProcessTokenElevation: tokenElevation(field('TokenElevationType')),
  ProcessCreationTime: col('TimeCreated'),
  AccountDomain: targetOrSubject('DomainName'),
  AccountName: targetOrSubject('UserName'),
  AccountSid: targetOrSubject('UserSid'),
  LogonId: hexLong(targetOrSubject('LogonId')),
  InitiatingProcessAccountDomain: field('SubjectDomainName'),
  InitiatingProcessAccountName: field('SubjectUserName'),
  InitiatingProcessAccountSid: field('SubjectUserSid'),
  InitiatingProcessLogonId: hexLong(field('SubjectLogonId')),
  InitiatingProcessFileName: fileNameOf(field('ParentProcessName')),
  InitiatingProcessId: hexLong(field('ProcessId')),
  InitiatingProcessFolderPath: field('ParentProcessName'),
};

export const DEVICE_PROCESS_EVENTS_VIEW: ViewDefinition = {
  name: 'DeviceProcessEvents',
  schema: 'main',
  description: "Defender's DeviceProcessEvents: process creations (Sysmon 1, Security 4688)",
  columns: COLUMNS,
  branches: [
    { where: eventsOf(SYSMON, [1]), values: SYSMON_PROCESS },
    { where: eventsOf(SECURITY, [4688]), values: SECURITY_PROCESS },
    nativeBranch('DeviceProcessEvents', COLUMNS),
  ],
};
