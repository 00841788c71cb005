/**
 * Kusto's term matching (`has`, `hasprefix`, `hassuffix`, `has_any`, `has_all`) as RE2
 * patterns. Kusto splits text into terms, the maximal runs of ASCII letters and digits. A needle
 * `has` when it occurs where each of its ends that is a letter or digit sits on a term boundary:
 * `"North America" has "america"`, not `"amer"`; a needle holding other characters matches a
 * run of whole terms (`"a-b.c" has "b.c"`). `hasprefix` needs only the start on a boundary,
 * `hassuffix` only the end. An empty needle matches any text, as it occurs in every text.
 */
import { lit, type Expr } from '../plan/expr.js';
import type { SqlCompiler } from './compile.js';

/** Which ends of the needle must fall on term boundaries. */
export type TermMatch = 'whole' | 'prefix' | 'suffix';

/** A letter or digit, as Kusto's terms count them. */
const ALNUM = /[0-9A-Za-z]/;

/** Boundaries written in lower case, so that lowering a pattern leaves them as they are. */
const BEFORE = '(^|[^0-9a-zA-Z])';
const AFTER = '($|[^0-9a-zA-Z])';
const BEFORE_LOWER = '(^|[^0-9a-z])';
const AFTER_LOWER = '($|[^0-9a-z])';

/** Text escaped to match itself in an RE2 pattern. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** The pattern, without its body, a needle's ends call for. */
function boundaries(needle: string, match: TermMatch, lower: boolean): [string, string] {
  const before = match !== 'suffix' && ALNUM.test(needle.charAt(0));
  const after = match !== 'prefix' && ALNUM.test(needle.charAt(needle.length - 1));
  return [
    before ? (lower ? BEFORE_LOWER : BEFORE) : '',
    after ? (lower ? AFTER_LOWER : AFTER) : '',
  ];
}

/**
 * The RE2 pattern that finds a constant needle as Kusto's term operators do.
 *
 * @example termPattern('a.b', 'whole', false) // '(^|[^0-9a-zA-Z])a\.b($|[^0-9a-zA-Z])'
 */
export function termPattern(needle: string, match: TermMatch, lower: boolean): string {
  const [before, after] = boundaries(needle, match, lower);
  return `${before}${escapeRegex(needle)}${after}`;
}

/**
 * One pattern finding any of several constant needles. Needles that need the same boundaries
 * share one alternation; the patterns returned are to be or'ed.
 */
export function anyTermPatterns(needles: readonly string[], lower: boolean): string[] {
  const groups = new Map<string, string[]>();
  for (const needle of needles) {
    const key = boundaries(needle, 'whole', lower).join('\0');
    groups.set(key, [...(groups.get(key) ?? []), escapeRegex(needle)]);
  }
  return [...groups].map(([key, bodies]) => {
    const [before, after] = key.split('\0');
    const body = bodies.length === 1 ? bodies[0]! : `(${bodies.join('|')})`;
    return `${before}${body}${after}`;
  });
}

/**
 * SQL testing whether `text` (SQL, already lowered when `ignoreCase`) holds `needle` as a
 * term. A constant needle becomes a constant pattern; any other is turned into one at run time.
 */
export function termTest(
  c: SqlCompiler,
  text: string,
  needle: Expr,
  match: TermMatch,
  ignoreCase: boolean,
): string {
  const constant = needle.kind === 'Literal' ? String(needle.value ?? '') : undefined;
  if (constant !== undefined) {
    const pattern = c.compile(lit(termPattern(constant, match, ignoreCase)));
    return c.regexMatch(text, ignoreCase ? c.lowerCase(pattern) : pattern);
  }
  return c.computedRegexMatch(text, runtimePattern(c, c.textOf(needle), match, ignoreCase));
}

/** The pattern of a computed needle: its ends are looked at when the query runs. */
function runtimePattern(c: SqlCompiler, needle: string, match: TermMatch, lower: boolean): string {
  const edge = (test: string, pattern: string) =>
    `CASE WHEN ${c.regexMatch(needle, c.text(test))} THEN ${c.text(pattern)} ` +
    `ELSE ${c.text('')} END`;
  const body = c.regexEscape(lower ? c.lowerCase(needle) : needle);
  const parts = [
    ...(match === 'suffix' ? [] : [edge('^[0-9A-Za-z]', lower ? BEFORE_LOWER : BEFORE)]),
    body,
    ...(match === 'prefix' ? [] : [edge('[0-9A-Za-z]$', lower ? AFTER_LOWER : AFTER)]),
  ];
  return c.concat(parts);
}
