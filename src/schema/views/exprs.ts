/**
 * Expression builders the view definitions share: which rows a view reads, and the small
 * derivations several vendors make alike (accounts, file names, level and logon-type names).
 */
import {
  and,
  call,
  caseWhen,
  cast,
  col,
  concat,
  eq,
  field,
  isIn,
  lit,
  type Expr,
} from '../../plan/expr.js';
import { SYSMON_CHANNEL } from '../landing.js';

export const not = (e: Expr): Expr => call('not', e);
export const isNull = (e: Expr): Expr => call('isNull', e);
export const isNotNull = (e: Expr): Expr => call('isNotNull', e);
export const text = (e: Expr): Expr => cast('string', e);

/** Windows events, as opposed to rows kept whole. */
export const WINDOWS_EVENT: Expr = isNull(col('_Table'));

/** Windows events of one channel. */
export const onChannel = (channel: string): Expr => and(WINDOWS_EVENT, eq(col('Channel'), channel));

export const SECURITY: Expr = onChannel('Security');
export const SYSMON: Expr = onChannel(SYSMON_CHANNEL);

/** Rows kept whole of one vendor table. */
export const keptTable = (table: string): Expr => eq(col('_Table'), table);

/** Events of a channel with one of the event ids. */
export const eventsOf = (channel: Expr, ids: readonly number[]): Expr =>
  and(channel, isIn(col('EventID'), ids));

/** The value, or null where Windows writes `-` or nothing for "none". */
export const orNull = (e: Expr): Expr => caseWhen([[isIn(e, ['-', '']), lit(null)]], e);

/** The file-name part of a path as written (`WMIC.exe`). */
export const fileNameOf = (path: Expr): Expr => call('fileName', path);

/** Hexadecimal text (`0x3e7`) as a long. */
export const hexLong = (e: Expr): Expr => call('hexToLong', e);

/** `DOMAIN\user`; just `user` without a domain; null without a user. */
export function domainUser(domain: Expr, user: Expr): Expr {
  return caseWhen(
    [
      [isNull(user), lit(null)],
      [isNull(domain), user],
    ],
    concat(domain, '\\', user),
  );
}

/** The domain part of `DOMAIN\user`. */
export const domainOf = (account: Expr): Expr =>
  call('regexExtract', account, lit('^([^\\\\]*)\\\\'), lit(1));

/** The user part of `DOMAIN\user`, or the whole text without a backslash. */
export const userOf = (account: Expr): Expr =>
  call('regexExtract', account, lit('([^\\\\]*)$'), lit(1));

/** A `CASE key WHEN ...` over a lookup table. */
export function lookup(
  key: Expr,
  table: Readonly<Record<string | number, string>>,
  otherwise: Expr = lit(null),
): Expr {
  const branches = Object.entries(table).map(([k, v]): [Expr, Expr] => [
    eq(key, /^-?\d+$/.test(k) ? lit(Number(k)) : lit(k)),
    lit(v),
  ]);
  return caseWhen(branches, otherwise);
}

/** Windows level names, as the Event Viewer shows them. */
export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  0: 'Information',
  1: 'Critical',
  2: 'Error',
  3: 'Warning',
  4: 'Information',
  5: 'Verbose',
};

export const levelName = (level: Expr): Expr => lookup(level, LEVEL_NAMES);

/** Logon types by number, as Microsoft's 4624 reference names them. */
export const LOGON_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'System',
  2: 'Interactive',
  3: 'Network',
  4: 'Batch',
  5: 'Service',
  7: 'Unlock',
  8: 'NetworkCleartext',
  9: 'NewCredentials',
  10: 'RemoteInteractive',
  11: 'CachedInteractive',
  12: 'CachedRemoteInteractive',
  13: 'CachedUnlock',
};

/** The `LogonType` event field as a number. */
export const LOGON_TYPE: Expr = field('LogonType', 'int');

/** Keyword bits of the Security log. */
export const KEYWORD = {
  auditSuccess: 0x20000000000000n,
  auditFailure: 0x10000000000000n,
  classic: 0x80000000000000n,
} as const;

/** True when the event's keywords carry the bit. */
export const hasKeyword = (bit: bigint): Expr =>
  call('ne', call('bitAnd', col('Keywords'), lit(bit)), lit(0));

/** Keywords as Windows writes them in XML: `0x8020000000000000`. */
export const KEYWORDS_HEX: Expr = call('toHex', col('Keywords'));

/** The first line of the rendered message. */
export const MESSAGE_TITLE: Expr = call(
  'regexExtract',
  col('Message'),
  lit('^([^\\r\\n]*)'),
  lit(1),
);
