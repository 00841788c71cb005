/**
 * Kusto's string predicates and string functions as SQL. Every string is read with a null as
 * the empty string, so none of these is ever null; case-insensitive forms lower both sides.
 */
import { lit, type Expr } from '../plan/expr.js';
import type { TextFunction, TextPredicate } from '../plan/functions.js';
import type { SqlCompiler } from './compile.js';
import { exprType } from './expr-type.js';
import { arity, exprsOf, type FunctionSql } from './function-sql.js';
import { literalInteger } from './literals.js';
import { anyTermPatterns, termTest, type TermMatch } from './terms.js';

/** Text as Kusto reads it, lower-cased when the operator ignores case. */
function side(c: SqlCompiler, expr: Expr, ignoreCase: boolean): string {
  const text = c.textOf(expr);
  return ignoreCase ? c.lowerCase(text) : text;
}

/** A substring test: `contains`, `startswith`, `endswith` and their `_cs` forms. */
const substringTest =
  (
    fn: TextPredicate,
    ignoreCase: boolean,
    test: (c: SqlCompiler, text: string, part: string) => string,
  ): FunctionSql =>
  (c, args) => {
    const [text, part] = arity(fn, args, 2);
    return test(c, side(c, text!, ignoreCase), side(c, part!, ignoreCase));
  };

/** A term test: `has`, `hasprefix`, `hassuffix` and their `_cs` forms. */
const termOperator =
  (fn: TextPredicate, match: TermMatch, ignoreCase: boolean): FunctionSql =>
  (c, args) => {
    const [text, needle] = arity(fn, args, 2);
    return termTest(c, side(c, text!, ignoreCase), needle!, match, ignoreCase);
  };

/**
 * `has_any`: constant needles share as few patterns as their boundaries allow; computed ones
 * are tested one by one.
 */
function hasAny(c: SqlCompiler, [text, ...needles]: readonly Expr[]): string {
  const haystack = side(c, text!, true);
  const constants = needles.filter((n) => n.kind === 'Literal');
  const computed = needles.filter((n) => n.kind !== 'Literal');
  const values = constants.map((n) => (n.kind === 'Literal' ? String(n.value ?? '') : ''));

  const tests = [
    ...anyTermPatterns(values, true).map((p) =>
      c.regexMatch(haystack, c.lowerCase(c.compile(lit(p)))),
    ),
    ...computed.map((n) => termTest(c, haystack, n, 'whole', true)),
  ];
  return tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
}

/** `has_all`: every needle a term. */
function hasAll(c: SqlCompiler, [text, ...needles]: readonly Expr[]): string {
  const haystack = side(c, text!, true);
  const tests = needles.map((n) => termTest(c, haystack, n, 'whole', true));
  return tests.length === 1 ? tests[0]! : `(${tests.join(' AND ')})`;
}

/** `matches regex`: RE2, case-sensitive. */
function matchesRegex(c: SqlCompiler, [text, pattern]: readonly Expr[]): string {
  const sql = c.textOf(text!);
  return pattern!.kind === 'Literal'
    ? c.regexMatch(sql, c.compile(pattern!))
    : c.computedRegexMatch(sql, c.compile(pattern!));
}

/** SQL of Kusto's string predicates. */
export const KUSTO_PREDICATE_SQL = {
  contains: substringTest('contains', true, (c, t, p) => c.contains(t, p)),
  containsCs: substringTest('containsCs', false, (c, t, p) => c.contains(t, p)),
  startsWith: substringTest('startsWith', true, (c, t, p) => c.startsWith(t, p)),
  startsWithCs: substringTest('startsWithCs', false, (c, t, p) => c.startsWith(t, p)),
  endsWith: substringTest('endsWith', true, (c, t, p) => c.endsWith(t, p)),
  endsWithCs: substringTest('endsWithCs', false, (c, t, p) => c.endsWith(t, p)),
  has: termOperator('has', 'whole', true),
  hasCs: termOperator('hasCs', 'whole', false),
  hasPrefix: termOperator('hasPrefix', 'prefix', true),
  hasPrefixCs: termOperator('hasPrefixCs', 'prefix', false),
  hasSuffix: termOperator('hasSuffix', 'suffix', true),
  hasSuffixCs: termOperator('hasSuffixCs', 'suffix', false),
  hasAny: (c, args) => hasAny(c, arity('hasAny', args, 2, Infinity)),
  hasAll: (c, args) => hasAll(c, arity('hasAll', args, 2, Infinity)),
  matchesRegex: exprsOf('matchesRegex', 2, matchesRegex),
} satisfies Record<TextPredicate, FunctionSql>;

/**
 * Kusto's `substring(text, start, length)`: `start` counts code points from 0, or from the end
 * when negative; the part asked for is clamped to the text, so a start past the end or a
 * negative length gives the empty string.
 */
function substring(c: SqlCompiler, [text, start, length]: readonly Expr[]): string {
  const sql = c.textOf(text!);
  return c.charSubstring(sql, first(c, sql, start!), count(c, sql, length));
}

/** The 1-based code point `substring` starts at. */
function first(c: SqlCompiler, text: string, start: Expr): string {
  const from = literalInteger(start);
  if (from !== undefined && from >= 0n) return String(from + 1n);
  if (from !== undefined) return `(greatest(${c.charLength(text)} - ${-from}, 0) + 1)`;
  const at = c.compile(start);
  return `(CASE WHEN ${at} < 0 THEN greatest(${c.charLength(text)} + ${at}, 0) ELSE ${at} END + 1)`;
}

/** How many code points `substring` takes: the rest of the text when no length is given. */
function count(c: SqlCompiler, text: string, length: Expr | undefined): string {
  if (length === undefined) return c.charLength(text);
  const constant = literalInteger(length);
  if (constant !== undefined) return String(constant < 0n ? 0n : constant);
  return `greatest(${c.compile(length)}, 0)`;
}

/** Kusto's `isempty`: an empty or null string, or a null of another type. */
function isEmpty(c: SqlCompiler, value: Expr): string {
  return exprType(value) === 'string'
    ? `(${c.textOf(value)} = ${c.text('')})`
    : `(${c.compile(value)} IS NULL)`;
}

/** SQL of Kusto's string functions. */
export const KUSTO_TEXT_FUNCTION_SQL = {
  strlen: exprsOf('strlen', 1, (c, [text]) => c.charLength(c.textOf(text!))),
  substring: (c, args) => substring(c, arity('substring', args, 2, 3)),
  splitText: (c, args) => {
    const [text, separator, index] = arity('splitText', args, 2, 3);
    return c.splitText(text!, separator!, index);
  },
  isEmpty: exprsOf('isEmpty', 1, (c, [value]) => isEmpty(c, value!)),
  isNotEmpty: exprsOf('isNotEmpty', 1, (c, [value]) => `(NOT ${isEmpty(c, value!)})`),
} satisfies Record<TextFunction, FunctionSql>;

/** SQL of every Kusto string operator and function. */
export const KUSTO_TEXT_SQL = { ...KUSTO_PREDICATE_SQL, ...KUSTO_TEXT_FUNCTION_SQL };
