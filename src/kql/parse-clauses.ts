/**
 * Pieces many operators share: `name=value` parameters before the arguments, lists of
 * (possibly named) expressions, sort keys with directions, and `with (name = value, ...)`.
 */
import type { ParseContext } from './parse-context.js';
import { missingExpression, parseExpression, parseItem } from './parse-expressions.js';
import { booleanValue, parseBooleanLiteral, parseNumberLiteral } from './parse-literals.js';
import { parseStringLiteral, parseTimespanLiteral } from './parse-literals.js';
import { atBracketedName, parseName } from './parse-names.js';
import type { Expression, ItemExpression } from './syntax-expressions.js';
import type { OperatorParameter, OrderedExpression, SortDirection } from './syntax-operators.js';

/** Operators with no parameters of their own still take `hint.*` ones. */
export const NO_PARAMETERS: readonly string[] = [];

/**
 * The `name=value` parameters at the current position whose name is in `names` or starts
 * with `hint.`; stops at the first word that is not one.
 */
export function parseOperatorParameters(
  p: ParseContext,
  names: readonly string[],
): OperatorParameter[] {
  const parameters: OperatorParameter[] = [];
  for (let length = parameterAt(p, names); length > 0; length = parameterAt(p, names)) {
    const start = p.token.start;
    let name = '';
    for (let i = 0; i < length; i++) name += p.advance().text;
    p.advance();
    const value = parseParameterValue(p);
    parameters.push({ kind: 'OperatorParameter', span: p.spanFrom(start), name, value });
  }
  return parameters;
}

/** How many tokens the parameter name here spans (0 when there is none). */
function parameterAt(p: ParseContext, names: readonly string[]): number {
  const token = p.token;
  if (token.kind !== 'Identifier') return 0;
  if (token.text === 'hint' && p.peek(1).kind === '.' && p.peek(2).kind === 'Identifier') {
    return p.peek(3).kind === '=' ? 3 : 0;
  }
  return names.includes(token.text) && p.peek(1).kind === '=' ? 1 : 0;
}

/** A parameter's value: one word, string, number, timespan or boolean. */
export function parseParameterValue(p: ParseContext): Expression {
  const token = p.token;
  switch (token.kind) {
    case 'String':
      return parseStringLiteral(p);
    case 'Number':
      return parseNumberLiteral(p);
    case 'Timespan':
      return parseTimespanLiteral(p);
    case '-':
      if (p.peek(1).kind === 'Number') return parseNumberLiteral(p, p.advance());
      return missingExpression(p, 'a value');
    case 'Identifier':
      if (booleanValue(token.text) !== undefined) return parseBooleanLiteral(p);
      return nameValue(p);
    default:
      return atBracketedName(p) ? nameValue(p) : missingExpression(p, 'a value');
  }
}

function nameValue(p: ParseContext): Expression {
  const start = p.token.start;
  const name = parseName(p);
  const text = name.kind === 'Name' ? name.text : '';
  return { kind: 'NameReference', span: p.spanFrom(start), name: text };
}

/** Reports a parameter whose word value is not one of `allowed`. */
export function checkParameterValues(
  p: ParseContext,
  parameters: readonly OperatorParameter[],
  name: string,
  allowed: readonly string[],
): void {
  for (const parameter of parameters) {
    const value = parameter.value;
    if (parameter.name !== name || value.kind !== 'NameReference') continue;
    if (allowed.includes(value.name)) continue;
    p.report('InvalidParameterValue', value.span, {
      value: value.name,
      parameter: `'${name}'`,
      allowed: allowed.join(', '),
    });
  }
}

/** `item, item, ...` where each item may be named: `x = 1, y`. */
export function parseItemList(p: ParseContext): ItemExpression[] {
  const items = [parseItem(p)];
  while (p.eat(',')) items.push(parseItem(p));
  return items;
}

/** `expression, expression, ...`. */
export function parseExpressionList(p: ParseContext): Expression[] {
  const items = [parseExpression(p)];
  while (p.eat(',')) items.push(parseExpression(p));
  return items;
}

/** A list parsed with name patterns allowed: `project-away x*, *Id`. */
export function withNamePatterns<T>(p: ParseContext, parse: () => T): T {
  const saved = p.namePatterns;
  p.namePatterns = true;
  try {
    return parse();
  } finally {
    p.namePatterns = saved;
  }
}

/** `expression [asc|desc] [nulls first|last]`; `granny-asc`/`granny-desc` when allowed. */
export function parseOrdered(p: ParseContext, granny = false): OrderedExpression {
  const start = p.token.start;
  const expression = parseExpression(p);
  const direction = parseDirection(p, granny);
  let nulls: 'first' | 'last' | null = null;
  if (p.eatWord('nulls')) {
    if (p.eatWord('first')) nulls = 'first';
    else if (p.expectWord('last')) nulls = 'last';
  }
  return { kind: 'OrderedExpression', span: p.spanFrom(start), expression, direction, nulls };
}

function parseDirection(p: ParseContext, granny: boolean): SortDirection | null {
  if (p.eatWord('asc')) return 'asc';
  if (p.eatWord('desc')) return 'desc';
  const word = granny ? p.hyphenatedWord() : undefined;
  if (word?.text !== 'granny-asc' && word?.text !== 'granny-desc') return null;
  p.skip(word.tokens);
  return word.text;
}

/** A comma-separated list of sort keys. */
export function parseOrderedList(p: ParseContext, granny = false): OrderedExpression[] {
  const items = [parseOrdered(p, granny)];
  while (p.eat(',')) items.push(parseOrdered(p, granny));
  return items;
}

/** `(name = value, ...)`: the properties of `externaldata`, `parse-kv` and kin. */
export function parseProperties(p: ParseContext): OperatorParameter[] {
  const properties: OperatorParameter[] = [];
  if (!p.expect('(', "'(' to start the properties")) return properties;
  if (!p.at(')')) {
    do properties.push(parseProperty(p));
    while (p.eat(','));
  }
  p.expect(')', "')' to end the properties");
  return properties;
}

/** `name = value` with any expression as the value. */
export function parseProperty(p: ParseContext): OperatorParameter {
  const start = p.token.start;
  const name = parseName(p, 'a property name');
  p.expect('=', "'=' after the property name");
  const value = parseExpression(p);
  const text = name.kind === 'Name' ? name.text : '';
  return { kind: 'OperatorParameter', span: p.spanFrom(start), name: text, value };
}
