/**
 * What each plan function means, as SQL: one entry per `FunctionName`. Entries compose the
 * compiler's portable helpers and its engine primitives, so a dialect changes a function's
 * SQL by overriding a primitive, never by editing this table.
 */
import { InternalError } from '../errors.js';
import { call } from '../plan/expr.js';
import type { FunctionName, ViewFunction } from '../plan/functions.js';
import { exprType } from './expr-type.js';
import type { SqlCompiler } from './compile.js';
import { arity, lowered, noArgs, sqlOf, type FunctionSql } from './function-sql.js';
import { KUSTO_COMPARISON_SQL } from './kusto-compare.js';
import { KUSTO_TEXT_SQL } from './kusto-text.js';
import { KUSTO_TIME_SQL } from './kusto-time.js';
import { KUSTO_VALUE_SQL } from './kusto-values.js';

export type { FunctionSql } from './function-sql.js';

const ignoringCase =
  (fn: FunctionName, test: (c: SqlCompiler, a: string, b: string) => string): FunctionSql =>
  (c, args) => {
    const [a, b] = arity(fn, args, 2);
    return test(c, lowered(c, a!), lowered(c, b!));
  };

/** The view functions, with SQL's null semantics. */
const VIEW_FUNCTION_SQL = {
  and: (c, args) => c.infix('AND', arity('and', args, 1, Infinity)),
  or: (c, args) => c.infix('OR', arity('or', args, 1, Infinity)),
  not: sqlOf('not', 1, (_, [a]) => `(NOT ${a})`),
  eq: (c, args) => c.infix('=', arity('eq', args, 2)),
  ne: (c, args) => c.infix('<>', arity('ne', args, 2)),
  eqIgnoreCase: ignoringCase('eqIgnoreCase', (_, a, b) => `(${a} = ${b})`),
  in: (c, args) => {
    const [value, ...candidates] = arity('in', args, 2, Infinity);
    return c.inList(value!, candidates);
  },
  isNull: sqlOf('isNull', 1, (_, [a]) => `(${a} IS NULL)`),
  isNotNull: sqlOf('isNotNull', 1, (_, [a]) => `(${a} IS NOT NULL)`),
  coalesce: (c, args) => {
    // Every argument is read as the result's type, as Kusto's coalesce requires one type.
    const type = exprType(call('coalesce', ...arity('coalesce', args, 1, Infinity)));
    const sql = args.map((a) => (type ? c.compileAs(a, type) : c.compile(a)));
    return c.firstNotNull(sql);
  },
  nullIfEmpty: sqlOf('nullIfEmpty', 1, (_, [a]) => `NULLIF(${a}, '')`),
  concat: (c, args) => c.concat(args.map((a) => c.compile(a))),
  lower: sqlOf('lower', 1, (c, [a]) => c.lowerCase(a!)),
  upper: sqlOf('upper', 1, (c, [a]) => c.upperCase(a!)),
  startsWithIgnoreCase: ignoringCase('startsWithIgnoreCase', (c, a, b) => c.startsWith(a, b)),
  endsWithIgnoreCase: ignoringCase('endsWithIgnoreCase', (c, a, b) => c.endsWith(a, b)),
  containsIgnoreCase: ignoringCase('containsIgnoreCase', (c, a, b) => c.contains(a, b)),
  fileName: sqlOf('fileName', 1, (c, [p]) => c.fileName(p!)),
  folderPath: sqlOf('folderPath', 1, (c, [p]) => c.folderPath(p!)),
  regexExtract: (c, args) => {
    const [text, pattern, group] = arity('regexExtract', args, 2, 3);
    const index = group?.kind === 'Literal' ? Number(group.value) : 0;
    if (group && !Number.isInteger(index)) throw new InternalError('regexExtract group');
    return c.regexExtract(c.compile(text!), c.compile(pattern!), index);
  },
  regexMatch: sqlOf('regexMatch', 2, (c, [t, p]) => c.regexMatch(t!, p!)),
  replaceText: sqlOf('replaceText', 3, (c, [t, f, r]) => c.replaceText(t!, f!, r!)),
  xmlEscape: sqlOf('xmlEscape', 1, (c, [t]) => c.xmlEscape(t!)),
  split: (c, args) => {
    const [text, separator] = arity('split', args, 2);
    return c.split(text!, separator!);
  },
  array: (c, args) => c.array(args),
  arrayCompact: (c, args) => c.arrayCompact(arity('arrayCompact', args, 1)[0]!),
  arrayJoin: (c, args) => {
    const [array, separator] = arity('arrayJoin', args, 2);
    return c.arrayJoin(array!, separator!);
  },
  arrayLength: (c, args) => c.arrayLength(arity('arrayLength', args, 1)[0]!),
  hexToLong: sqlOf('hexToLong', 1, (c, [t]) => c.hexToLong(t!)),
  toHex: sqlOf('toHex', 1, (c, [v]) => c.toHex(v!)),
  bitAnd: sqlOf('bitAnd', 2, (c, [a, b]) => c.bitAnd(a!, b!)),
  sha1: sqlOf('sha1', 1, (c, [t]) => c.sha1(t!)),
  formatDatetime: (c, args) => {
    const [value, pattern] = arity('formatDatetime', args, 2);
    return c.formatDatetime(c.compile(value!), c.constantText(pattern, 'formatDatetime'));
  },
  extraField: (c, args) =>
    c.extraField(c.constantText(arity('extraField', args, 1)[0], 'extraField')),
  eventDataXml: (c, args) => {
    const quote = c.constantText(arity('eventDataXml', args, 1)[0], 'eventDataXml');
    if (quote !== '"' && quote !== "'") throw new InternalError('eventDataXml quote');
    return c.eventDataXml(quote);
  },
  eventDataParams: noArgs('eventDataParams', (c) => c.eventDataParams()),
  eventDataText: noArgs('eventDataText', (c) => c.eventDataText()),
  eventDataJson: noArgs('eventDataJson', (c) => c.eventDataJson()),
  rowJson: noArgs('rowJson', (c) => c.rowJson()),
} satisfies Record<ViewFunction, FunctionSql>;

/** Every plan function's SQL. */
export const FUNCTION_SQL = {
  ...VIEW_FUNCTION_SQL,
  ...KUSTO_COMPARISON_SQL,
  ...KUSTO_TEXT_SQL,
  ...KUSTO_TIME_SQL,
  ...KUSTO_VALUE_SQL,
} satisfies Record<FunctionName, FunctionSql>;
