/**
 * The first line of the message Windows renders for common events, per channel: what
 * Sentinel shows after the event id in `Activity`, and what Quarry shows when a source
 * carried no rendered message. The text is Windows' own (en-US).
 */
import { caseWhen, col, eq, lit, type Expr } from '../../plan/expr.js';
import { SYSMON_CHANNEL } from '../landing.js';
import { lookup } from './exprs.js';

export const SECURITY_TITLES: Readonly<Record<number, string>> = {
  1100: 'The event logging service has shut down.',
  1102: 'The audit log was cleared.',
  1104: 'The security log is now full.',
  4608: 'Windows is starting up.',
  4616: 'The system time was changed.',
  4624: 'An account was successfully logged on.',
  4625: 'An account failed to log on.',
  4627: 'Group membership information.',
  4634: 'An account was logged off.',
  4647: 'User initiated logoff:',
  4648: 'A logon was attempted using explicit credentials.',
  4656: 'A handle to an object was requested.',
  4657: 'A registry value was modified.',
  4658: 'The handle to an object was closed.',
  4660: 'An object was deleted.',
  4661: 'A handle to an object was requested.',
  4662: 'An operation was performed on an object.',
  4663: 'An attempt was made to access an object.',
  4670: 'Permissions on an object were changed.',
  4672: 'Special privileges assigned to new logon.',
  4673: 'A privileged service was called.',
  4674: 'An operation was attempted on a privileged object.',
  4688: 'A new process has been created.',
  4689: 'A process has exited.',
  4697: 'A service was installed in the system.',
  4698: 'A scheduled task was created.',
  4699: 'A scheduled task was deleted.',
  4700: 'A scheduled task was enabled.',
  4701: 'A scheduled task was disabled.',
  4702: 'A scheduled task was updated.',
  4703: 'A token right was adjusted.',
  4719: 'System audit policy was changed.',
  4720: 'A user account was created.',
  4722: 'A user account was enabled.',
  4723: "An attempt was made to change an account's password.",
  4724: "An attempt was made to reset an account's password.",
  4725: 'A user account was disabled.',
  4726: 'A user account was deleted.',
  4728: 'A member was added to a security-enabled global group.',
  4729: 'A member was removed from a security-enabled global group.',
  4732: 'A member was added to a security-enabled local group.',
  4733: 'A member was removed from a security-enabled local group.',
  4738: 'A user account was changed.',
  4740: 'A user account was locked out.',
  4741: 'A computer account was created.',
  4742: 'A computer account was changed.',
  4743: 'A computer account was deleted.',
  4756: 'A member was added to a security-enabled universal group.',
  4757: 'A member was removed from a security-enabled universal group.',
  4767: 'A user account was unlocked.',
  4768: 'A Kerberos authentication ticket (TGT) was requested.',
  4769: 'A Kerberos service ticket was requested.',
  4770: 'A Kerberos service ticket was renewed.',
  4771: 'Kerberos pre-authentication failed.',
  4776: 'The computer attempted to validate the credentials for an account.',
  4778: 'A session was reconnected to a Window Station.',
  4779: 'A session was disconnected from a Window Station.',
  4798: "A user's local group membership was enumerated.",
  4799: 'A security-enabled local group membership was enumerated.',
  4964: 'Special groups have been assigned to a new logon.',
  5136: 'A directory service object was modified.',
  5140: 'A network share object was accessed.',
  5145: 'A network share object was checked to see whether client can be granted desired access.',
  5156: 'The Windows Filtering Platform has permitted a connection.',
  5157: 'The Windows Filtering Platform has blocked a connection.',
  5158: 'The Windows Filtering Platform has permitted a bind to a local port.',
};

export const SYSTEM_TITLES: Readonly<Record<number, string>> = {
  7045: 'A service was installed in the system.',
};

export const SYSMON_TITLES: Readonly<Record<number, string>> = {
  1: 'Process Create:',
  2: 'File creation time changed:',
  3: 'Network connection detected:',
  5: 'Process terminated:',
  6: 'Driver loaded:',
  7: 'Image loaded:',
  8: 'CreateRemoteThread detected:',
  9: 'RawAccessRead detected:',
  10: 'Process accessed:',
  11: 'File created:',
  12: 'Registry object added or deleted:',
  13: 'Registry value set:',
  14: 'Registry object renamed:',
  15: 'File stream created:',
  17: 'Pipe Created:',
  18: 'Pipe Connected:',
  22: 'Dns query:',
  23: 'File Delete archived:',
  25: 'Process Tampering:',
  26: 'File Delete logged:',
};

const BY_CHANNEL: readonly [string, Readonly<Record<number, string>>][] = [
  ['Security', SECURITY_TITLES],
  ['System', SYSTEM_TITLES],
  [SYSMON_CHANNEL, SYSMON_TITLES],
];

/** The title of a stored Windows event from the tables above, or null. */
export const EVENT_TITLE: Expr = caseWhen(
  BY_CHANNEL.map(([channel, titles]): [Expr, Expr] => [
    eq(col('Channel'), channel),
    lookup(col('EventID'), titles),
  ]),
  lit(null),
);
