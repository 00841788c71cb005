/**
 * Expressions: the operands of the binary operators (parse-binary.ts has those and their
 * precedence): literals, names, calls, parentheses, typed literals, member access and indexing,
 * and the entries of lists that may name their results (`x = 1`, `(a, b) = f(x)`).
 */
import { CLAUSE_WORDS, RESERVED_WORDS } from './keywords.js';
import { parseOr } from './parse-binary.js';
import type { ParseContext } from './parse-context.js';
import { atBracketedName, parseName, parseNamePattern, atNamePattern } from './parse-names.js';
import { atTypedLiteral, booleanValue, parseBooleanLiteral } from './parse-literals.js';
import { parseNumberLiteral, parseStringLiteral, parseTimespanLiteral } from './parse-literals.js';
import { parseTypedLiteral } from './parse-literals.js';
import { parsePipedExpression } from './parse-pipes.js';
import { atSourceOperator, parseSourceOperator } from './parse-sources.js';
import { parseTypeOf } from './parse-types.js';
import type { NameNode } from './syntax.js';
import type { Expression, FunctionCall } from './syntax-expressions.js';
import type { ItemExpression, MemberAccess, MissingExpression } from './syntax-expressions.js';
import type { NamedExpression } from './syntax-expressions.js';

/** An expression without pipes: an operator's argument. */
export function parseExpression(p: ParseContext): Expression {
  return parseOr(p);
}

/** A placeholder for an expression that is not there, after reporting what was expected. */
export function missingExpression(p: ParseContext, expected = 'an expression'): MissingExpression {
  p.expected('ExpectedExpression', expected);
  return { kind: 'MissingExpression', span: p.emptySpan() };
}

/** A primary expression followed by any `.member`, `[index]` and `.call(...)`. */
export function parsePostfix(p: ParseContext): Expression {
  const start = p.token.start;
  let expression = parsePrimary(p);
  if (expression.kind === 'MissingExpression') return expression;
  for (;;) {
    if (p.at('.') && p.peek(1).kind === '[' && !atBracketedName(p, 1)) {
      // `d.[key]` indexes like `d[key]`: drop the dot, the next turn reads the index.
      p.advance();
    } else if (p.eat('.')) {
      const member = parseMember(p);
      expression = { kind: 'MemberAccess', span: p.spanFrom(start), target: expression, member };
    } else if (p.eat('[')) {
      const index = parseExpression(p);
      p.expect(']', "']' to end the index");
      expression = { kind: 'ElementAccess', span: p.spanFrom(start), target: expression, index };
    } else {
      return expression;
    }
  }
}

function parseMember(p: ParseContext): MemberAccess['member'] {
  if (p.at('*') || (p.namePatterns && atNamePattern(p))) {
    const pattern = parseNamePattern(p);
    if (pattern.kind === 'NamePattern') return pattern;
    return { kind: 'NamePattern', span: pattern.span, pattern: '*' };
  }
  if (p.at('Identifier') && p.peek(1).kind === '(') return parseFunctionCall(p);
  return parseName(p, "a name after '.'");
}

function parsePrimary(p: ParseContext): Expression {
  const token = p.token;
  switch (token.kind) {
    case 'String':
      return parseStringLiteral(p);
    case 'Number':
      return parseNumberLiteral(p);
    case 'Timespan':
      return parseTimespanLiteral(p);
    case '(':
      return parseParenthesized(p);
    case '*':
      if (p.namePatterns && atNamePattern(p)) return parseNamePattern(p);
      p.advance();
      return { kind: 'StarExpression', span: p.spanFrom(token.start) };
    case '[':
      if (!atBracketedName(p)) return missingExpression(p);
      return p.peek(3).kind === '(' ? parseFunctionCall(p) : nameReference(p);
    case 'Identifier':
      return parseWord(p);
    default:
      return missingExpression(p);
  }
}

function parseParenthesized(p: ParseContext): Expression {
  const start = p.advance().start;
  const expression = parsePipedExpression(p);
  p.expect(')', "')' to close '('");
  return { kind: 'ParenthesizedExpression', span: p.spanFrom(start), expression };
}

function parseWord(p: ParseContext): Expression {
  const token = p.token;
  const next = p.peek(1);
  if (atTypedLiteral(p)) return parseTypedLiteral(p);
  if (booleanValue(token.text) !== undefined && next.kind !== '(') return parseBooleanLiteral(p);
  if (atSourceOperator(p)) return parseSourceOperator(p);
  if (token.text === 'typeof' && next.kind === '(') return parseTypeOf(p);
  if (next.kind === '(' && !CLAUSE_WORDS.has(token.text)) return parseFunctionCall(p);
  if (RESERVED_WORDS.has(token.text)) return missingExpression(p);
  if (p.namePatterns && atNamePattern(p)) return parseNamePattern(p);
  return nameReference(p);
}

function nameReference(p: ParseContext): Expression {
  const start = p.token.start;
  const name = parseName(p);
  const text = name.kind === 'Name' ? name.text : '';
  return { kind: 'NameReference', span: p.spanFrom(start), name: text };
}

/** `name(arguments)`, at a name followed by `(`. */
export function parseFunctionCall(p: ParseContext): FunctionCall {
  const start = p.token.start;
  const name = parseName(p);
  p.advance();
  const args: ItemExpression[] = [];
  if (!p.at(')')) {
    do args.push(parseItem(p, true));
    while (p.eat(','));
  }
  p.expect(')', "')' to end the argument list");
  return { kind: 'FunctionCall', span: p.spanFrom(start), name, arguments: args };
}

/**
 * One entry of a list that may name its result: `x = expr`, `(a, b) = expr`, or `expr`.
 * `piped` allows a tabular expression with pipes, as function arguments do.
 */
export function parseItem(p: ParseContext, piped = false): ItemExpression {
  const start = p.token.start;
  const names = parseAssignedNames(p);
  const expression = piped ? parsePipedExpression(p) : parseExpression(p);
  if (!names) return expression;
  const span = p.spanFrom(start);
  return { kind: 'NamedExpression', span, names, expression } satisfies NamedExpression;
}

/** The names before `=` when an item is named, consuming them and the `=`. */
export function parseAssignedNames(p: ParseContext): NameNode[] | undefined {
  const single = assignedNameLength(p, 0);
  if (single > 0 && p.peek(single).kind === '=') {
    const name = parseName(p);
    p.advance();
    return [name];
  }
  const tuple = tupleLength(p);
  if (tuple === 0) return undefined;
  p.advance();
  const names = [parseName(p)];
  while (p.eat(',')) names.push(parseName(p));
  p.skip(2);
  return names;
}

function assignedNameLength(p: ParseContext, offset: number): number {
  if (p.peek(offset).kind === 'Identifier') return 1;
  return atBracketedName(p, offset) ? 3 : 0;
}

/** Tokens in `(a, b) =` up to the `=`, or 0 when no tuple of names stands here. */
function tupleLength(p: ParseContext): number {
  if (!p.at('(')) return 0;
  let offset = 1;
  for (;;) {
    const length = assignedNameLength(p, offset);
    if (length === 0) return 0;
    offset += length;
    const after = p.peek(offset).kind;
    if (after === ')') return p.peek(offset + 1).kind === '=' ? offset + 2 : 0;
    if (after !== ',') return 0;
    offset++;
  }
}
