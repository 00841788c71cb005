/**
 * Names: plain words, `$left`/`$right`, bracketed names (`['x y']`, `["x"]`), and the
 * wildcard patterns lists of tables and columns allow (`Sec*`, `*Id`, `x*y`).
 */
import type { ParseContext } from './parse-context.js';
import type { NameNode } from './syntax.js';
import type { NamePattern, NameReference, StarExpression } from './syntax-expressions.js';

/** True when `['name']` or `["name"]` starts `offset` tokens ahead. */
export function atBracketedName(p: ParseContext, offset = 0): boolean {
  return (
    p.peek(offset).kind === '[' &&
    p.peek(offset + 1).kind === 'String' &&
    p.peek(offset + 2).kind === ']'
  );
}

/** True when a name can be read here: a word or a bracketed name. */
export function atName(p: ParseContext, offset = 0): boolean {
  return p.peek(offset).kind === 'Identifier' || atBracketedName(p, offset);
}

/** A name: a word or a bracketed name; a `MissingName` after reporting `expected`. */
export function parseName(p: ParseContext, expected = 'a name'): NameNode {
  const start = p.token.start;
  if (p.at('Identifier')) {
    const text = p.advance().text;
    return { kind: 'Name', span: p.spanFrom(start), text };
  }
  if (atBracketedName(p)) {
    p.advance();
    const text = p.advance().value;
    p.advance();
    return { kind: 'Name', span: p.spanFrom(start), text };
  }
  p.expected('ExpectedName', expected);
  return { kind: 'MissingName', span: p.emptySpan() };
}

/** A column named by a name alone, where a `(` after it does not make a call. */
export function parseColumnReference(p: ParseContext): NameReference {
  const start = p.token.start;
  const name = parseName(p, 'a column name');
  const text = name.kind === 'Name' ? name.text : '';
  return { kind: 'NameReference', span: p.spanFrom(start), name: text };
}

/** True when a wildcard pattern starts here: a word and `*` touching, in either order. */
export function atNamePattern(p: ParseContext): boolean {
  const first = p.token;
  const second = p.peek(1);
  if (!p.adjacent(first, second)) return false;
  if (first.kind === 'Identifier') return second.kind === '*';
  return first.kind === '*' && second.kind === 'Identifier';
}

/**
 * A run of touching words and `*`s read as one pattern: `Sec*Event`. A lone `*` is a
 * `StarExpression`.
 */
export function parseNamePattern(p: ParseContext): NamePattern | StarExpression {
  const start = p.token.start;
  let pattern = p.advance().text;
  for (;;) {
    const next = p.token;
    if (!p.adjacent(p.previous, next)) break;
    if (next.kind !== '*' && next.kind !== 'Identifier') break;
    if (next.kind === 'Identifier' && p.previous.kind === 'Identifier') break;
    pattern += p.advance().text;
  }
  if (pattern === '*') return { kind: 'StarExpression', span: p.spanFrom(start) };
  return { kind: 'NamePattern', span: p.spanFrom(start), pattern };
}
