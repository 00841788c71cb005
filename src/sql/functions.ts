/**
 * What each plan function means, as SQL: one entry per `FunctionName`. Entries compose the
 * compiler's portable helpers and its engine primitives, so a dialect changes a function's
 * SQL by overriding a primitive, never by editing this table.
 */
import { InternalError } from '../errors.js';
import { call, type Expr, type FunctionName } from '../plan/expr.js';
import { exprType } from './expr-type.js';
import type { SqlCompiler } from './compile.js';

/** Compiles one call. */
export type FunctionSql = (compiler: SqlCompiler, args: readonly Expr[]) => string;

/** Checks a call's argument count: plans are built by Quarry, so a wrong count is a bug. */
function arity(fn: FunctionName, args: readonly Expr[], min: number, max = min): readonly Expr[] {
  if (args.length < min || args.length > max) {
    throw new InternalError(`${fn} takes ${min === max ? min : `${min} to ${max}`} arguments`);
  }
  return args;
}

/** A function of exactly `n` arguments, given as SQL. */
const sqlOf =
  (fn: FunctionName, n: number, body: (c: SqlCompiler, sql: string[]) => string): FunctionSql =>
  (c, args) =>
    body(
      c,
      arity(fn, args, n).map((a) => c.compile(a)),
    );

/** Compiles an argument lower-cased, for Kusto's case-insensitive operators. */
const lowered = (c: SqlCompiler, arg: Expr): string => c.lowerCase(c.compile(arg));

/** A function without arguments. */
const noArgs =
  (fn: FunctionName, body: (c: SqlCompiler) => string): FunctionSql =>
  (c, args) => {
    arity(fn, args, 0);
    return body(c);
  };

const ignoringCase =
  (fn: FunctionName, test: (c: SqlCompiler, a: string, b: string) => string): FunctionSql =>
  (c, args) => {
    const [a, b] = arity(fn, args, 2);
    return test(c, lowered(c, a!), lowered(c, b!));
  };

export const FUNCTION_SQL = {
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
    return `coalesce(${sql.join(', ')})`;
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
} satisfies Record<FunctionName, FunctionSql>;
