/**
 * Binary and unary operators, by Kusto's precedence from loosest to tightest:
 *
 * 1. `or`
 * 2. `and`
 * 3. `==`, `!=`, `<>`, `in`, `!in`, `in~`, `!in~`, `has_any`, `has_all`, `between`, `!between`
 * 4. `<`, `<=`, `>`, `>=`
 * 5. `+`, `-`
 * 6. `*`, `/`, `%`
 * 7. the string operators: `=~`, `!~`, `has`, `contains`, `startswith`, `matches regex`... and
 *    `:` in `search` predicates (so `a + b has c` is `a + (b has c)`)
 * 8. unary `-` and `+`
 *
 * All are left-associative. The pipe, looser than all of these, is in parse-pipes.ts.
 */
import { LIST_OPERATORS, NEGATED_WORD_OPERATORS, WORD_OPERATORS } from './keywords.js';
import type { ParseContext } from './parse-context.js';
import { parseExpression, parsePostfix } from './parse-expressions.js';
import { parsePipedExpression } from './parse-pipes.js';
import type { BinaryExpression, BinaryOperator, Expression } from './syntax-expressions.js';
import type { InOperator, StringOperator } from './syntax-expressions.js';

type Level = (p: ParseContext) => Expression;

/** A whole expression without pipes, starting from the loosest operator. */
export function parseOr(p: ParseContext): Expression {
  return parseWordLevel(p, 'or', parseAnd);
}

function parseAnd(p: ParseContext): Expression {
  return parseWordLevel(p, 'and', parseEquality);
}

function parseWordLevel(p: ParseContext, word: 'or' | 'and', next: Level): Expression {
  let left = next(p);
  while (p.atWord(word)) {
    p.advance();
    left = binary(p, word, left, next(p));
  }
  return left;
}

function binary(
  p: ParseContext,
  operator: BinaryOperator,
  left: Expression,
  right: Expression,
): BinaryExpression {
  const span = p.spanFrom(left.span.start);
  return { kind: 'BinaryExpression', span, operator, left, right };
}

type EqualityMatch =
  | { readonly form: 'binary'; readonly operator: BinaryOperator; readonly tokens: number }
  | { readonly form: 'list'; readonly operator: InOperator; readonly tokens: number }
  | { readonly form: 'between'; readonly negated: boolean; readonly tokens: number };

function parseEquality(p: ParseContext): Expression {
  let left = parseRelational(p);
  for (let match = equalityAt(p); match; match = equalityAt(p)) {
    p.skip(match.tokens);
    if (match.form === 'binary') left = binary(p, match.operator, left, parseRelational(p));
    else if (match.form === 'list') left = finishList(p, match.operator, left);
    else left = finishBetween(p, match.negated, left);
  }
  return left;
}

const EQUALITY_TOKENS: ReadonlySet<string> = new Set(['==', '!=', '<>']);

function equalityAt(p: ParseContext): EqualityMatch | undefined {
  const token = p.token;
  if (EQUALITY_TOKENS.has(token.kind)) {
    return { form: 'binary', operator: token.kind as BinaryOperator, tokens: 1 };
  }
  if (token.kind === '!') {
    const word = p.peek(1);
    if (word.kind !== 'Identifier' || !p.adjacent(token, word)) return undefined;
    if (word.text === 'between') return { form: 'between', negated: true, tokens: 2 };
    return word.text === 'in' ? listAt(p, 1, true) : undefined;
  }
  if (token.kind !== 'Identifier') return undefined;
  if (token.text === 'between') return { form: 'between', negated: false, tokens: 1 };
  return listAt(p, 0, false);
}

/** `in`, `in~`, `has_any`, `has_all` (and `!in`, `!in~`) at `offset`; `in` needs a `(`. */
function listAt(p: ParseContext, offset: number, negated: boolean): EqualityMatch | undefined {
  const word = p.peek(offset);
  const operator = LIST_OPERATORS.get(word.text);
  if (!operator || (negated && operator !== 'in')) return undefined;
  const tilde = p.peek(offset + 1);
  const caseless = operator === 'in' && tilde.kind === '~' && p.adjacent(word, tilde);
  const used = offset + (caseless ? 2 : 1);
  if (operator === 'in' && p.peek(used).kind !== '(') return undefined;

  const spelled = `${negated ? '!' : ''}${operator}${caseless ? '~' : ''}` as InOperator;
  return { form: 'list', operator: spelled, tokens: used };
}

function finishList(p: ParseContext, operator: InOperator, left: Expression): Expression {
  const items: Expression[] = [];
  if (p.expect('(', `'(' after '${operator}'`)) {
    if (!p.at(')')) {
      do items.push(parsePipedExpression(p));
      while (p.eat(','));
    }
    p.expect(')', `')' to end the list`);
  }
  return { kind: 'InExpression', span: p.spanFrom(left.span.start), operator, left, items };
}

function finishBetween(p: ParseContext, negated: boolean, left: Expression): Expression {
  p.expect('(', "'(' after 'between'");
  const low = parseExpression(p);
  p.expect('..', "'..' between the bounds");
  const high = parseExpression(p);
  p.expect(')', "')' to end the range");
  const span = p.spanFrom(left.span.start);
  return { kind: 'BetweenExpression', span, negated, left, low, high };
}

const RELATIONAL: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
const ADDITIVE: ReadonlySet<string> = new Set(['+', '-']);
const MULTIPLICATIVE: ReadonlySet<string> = new Set(['*', '/', '%']);

function parseRelational(p: ParseContext): Expression {
  return parseTokenLevel(p, RELATIONAL, parseAdditive);
}

function parseAdditive(p: ParseContext): Expression {
  return parseTokenLevel(p, ADDITIVE, parseMultiplicative);
}

function parseMultiplicative(p: ParseContext): Expression {
  return parseTokenLevel(p, MULTIPLICATIVE, parseStringLevel);
}

function parseTokenLevel(p: ParseContext, ops: ReadonlySet<string>, next: Level): Expression {
  let left = next(p);
  while (ops.has(p.token.kind)) {
    const operator = p.advance().kind as BinaryOperator;
    left = binary(p, operator, left, next(p));
  }
  return left;
}

function parseStringLevel(p: ParseContext): Expression {
  let left = parseUnary(p);
  for (let match = stringOperatorAt(p); match; match = stringOperatorAt(p)) {
    p.skip(match.tokens);
    left = binary(p, match.operator, left, parseUnary(p));
  }
  return left;
}

interface StringMatch {
  readonly operator: StringOperator | '=~' | '!~' | ':';
  readonly tokens: number;
}

function stringOperatorAt(p: ParseContext): StringMatch | undefined {
  const token = p.token;
  if (token.kind === '=~' || token.kind === '!~') return { operator: token.kind, tokens: 1 };
  if (token.kind === ':' && p.searchSyntax) return { operator: ':', tokens: 1 };
  if (token.kind === '!') {
    const word = p.peek(1);
    const operator = p.adjacent(token, word) ? NEGATED_WORD_OPERATORS.get(word.text) : undefined;
    return operator && { operator, tokens: 2 };
  }
  if (token.kind !== 'Identifier') return undefined;
  const operator = WORD_OPERATORS.get(token.text);
  if (operator) return { operator, tokens: 1 };
  if (token.text !== 'matches' || !p.atWord('regex', 1)) return undefined;
  return { operator: 'matches regex', tokens: 2 };
}

function parseUnary(p: ParseContext): Expression {
  const sign = p.token;
  if (sign.kind !== '-' && sign.kind !== '+') return parsePostfix(p);
  p.advance();
  const operand = parsePostfix(p);
  const span = p.spanFrom(sign.start);
  return { kind: 'UnaryExpression', span, operator: sign.kind, operand };
}
