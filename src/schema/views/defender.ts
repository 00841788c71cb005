/**
 * What the Defender views share: how a Windows event's host, times and ids become Defender's
 * device columns, the value vocabularies Defender uses, and the branch over Defender's own
 * rows kept whole.
 */
import { call, caseWhen, cast, col, field, lit, rowField, type Expr } from '../../plan/expr.js';
import type { ScalarType } from '../../plan/types.js';
import { isNull, keptTable, lookup, orNull } from './exprs.js';
import type { ViewBranch, ViewColumn } from './types.js';

/** Columns every Defender view adds to Defender's own: Sentinel's time, and the row id. */
export const DEVICE_EXTRA_COLUMNS: readonly ViewColumn[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: '_ItemId', type: 'string' },
];

/**
 * Device columns of a Windows event. Defender names devices by their lower-case fully
 * qualified name; the device id is a stable digest of that name, as Windows events carry no
 * Defender device id.
 */
export const DEVICE_VALUES: Readonly<Record<string, Expr>> = {
  Timestamp: col('TimeCreated'),
  TimeGenerated: col('TimeCreated'),
  DeviceId: call('sha1', call('lower', col('Computer'))),
  DeviceName: call('lower', col('Computer')),
  ReportId: col('EventRecordID'),
  _ItemId: col('_ItemId'),
};

/** Defender's own rows of `table`, column for column. */
export function nativeBranch(table: string, columns: readonly ViewColumn[]): ViewBranch {
  const own: Record<string, Expr> = {
    Timestamp: col('TimeCreated'),
    TimeGenerated: col('TimeCreated'),
    _ItemId: col('_ItemId'),
  };
  return {
    where: keptTable(table),
    values: Object.fromEntries(
      columns.map((c) => [c.name, own[c.name] ?? rowField(c.name, c.type)]),
    ),
  };
}

/** A digest from Sysmon's `Hashes` (`SHA1=...,MD5=...`), lower-case as Defender shows them. */
export function hashOf(algorithm: 'SHA1' | 'SHA256' | 'MD5'): Expr {
  const pattern = `(?:^|,)${algorithm}=([0-9A-Fa-f]+)`;
  return call('lower', call('regexExtract', field('Hashes'), lit(pattern), lit(1)));
}

/** A Sysmon numeric field as a long. */
export const longField = (name: string): Expr => cast('long', field(name));

/** A field as `type`, or null where Windows writes `-`. */
export const typedField = (name: string, type: ScalarType): Expr => cast(type, orNull(field(name)));

/** Integrity levels by their mandatory-label SID. */
const INTEGRITY_BY_SID: Readonly<Record<string, string>> = {
  'S-1-16-0': 'Untrusted',
  'S-1-16-4096': 'Low',
  'S-1-16-8192': 'Medium',
  'S-1-16-8448': 'MediumPlus',
  'S-1-16-12288': 'High',
  'S-1-16-16384': 'System',
  'S-1-16-20480': 'Protected',
};

/** The integrity level of a 4688 `MandatoryLabel`. */
export const integrityOfLabel = (label: Expr): Expr => lookup(label, INTEGRITY_BY_SID);

/** 4688's elevation codes, by the names Defender uses. */
const TOKEN_ELEVATION: Readonly<Record<string, string>> = {
  '%%1936': 'TokenElevationTypeDefault',
  '%%1937': 'TokenElevationTypeFull',
  '%%1938': 'TokenElevationTypeLimited',
};

/** 4688's `TokenElevationType`, as a message code or already rendered (`...Default (1)`). */
export const tokenElevation = (value: Expr): Expr =>
  lookup(
    value,
    TOKEN_ELEVATION,
    call('regexExtract', value, lit('(TokenElevationType[A-Za-z]+)'), lit(1)),
  );

/** Defender's address classes, for IPv4 and IPv6 text. */
export function ipType(address: Expr): Expr {
  const ip = call('lower', address);
  const matches = (pattern: string): Expr => call('regexMatch', ip, lit(pattern));
  return caseWhen(
    [
      [isNull(ip), lit(null)],
      [matches('^(127\\.|::1$)'), lit('Loopback')],
      [
        matches('^(10\\.|192\\.168\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|f[cd][0-9a-f]{2}:)'),
        lit('Private'),
      ],
      [matches('^::ffff:'), lit('FourToSixMapping')],
      [matches('^2001:0{0,4}:'), lit('Teredo')],
      [matches('^255\\.255\\.255\\.255$'), lit('Broadcast')],
      [
        matches('^(0\\.|169\\.254\\.|22[4-9]\\.|2[3-5][0-9]\\.|fe80:|ff[0-9a-f]{2}:|::$)'),
        lit('Reserved'),
      ],
      [matches('^([0-9]{1,3}\\.){3}[0-9]{1,3}$|:'), lit('Public')],
    ],
    lit(null),
  );
}
