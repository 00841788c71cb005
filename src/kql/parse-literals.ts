/**
 * Literals: strings (adjacent parts joined), numbers, timespans, booleans, typed literals
 * (`datetime(...)`, `int(null)`, `real(nan)`) and `dynamic(...)` with its JSON-like value.
 */
import type { ParseContext } from './parse-context.js';
import type { MissingExpression, NumberLiteral, StringLiteral } from './syntax-expressions.js';
import type {
  BooleanLiteral,
  DynamicLiteral,
  JsonArray,
  JsonObject,
} from './syntax-expressions.js';
import type {
  JsonProperty,
  JsonValue,
  TimespanLiteral,
  TypedLiteral,
} from './syntax-expressions.js';
import { RAW_LITERAL_TYPES, TIMESPAN_UNITS, type Token } from './tokens.js';

/** The type words whose literal takes a single token: `int(5)`, `real(-inf)`, `bool(true)`. */
export const TOKEN_LITERAL_TYPES: ReadonlySet<string> = new Set([
  'int',
  'long',
  'real',
  'double',
  'decimal',
  'bool',
  'boolean',
]);

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['True', true],
  ['False', false],
  ['TRUE', true],
  ['FALSE', false],
]);

/** True when the current word starts a typed literal: `datetime(`, `int(`, `dynamic(`. */
export function atTypedLiteral(p: ParseContext): boolean {
  const word = p.token;
  const open = p.peek(1);
  if (word.kind !== 'Identifier' || open.kind !== '(') return false;
  if (RAW_LITERAL_TYPES.has(word.text)) return p.peek(2).kind === 'RawText';
  if (!TOKEN_LITERAL_TYPES.has(word.text) && word.text !== 'dynamic') return false;
  return word.text === 'dynamic' || p.adjacent(word, open);
}

/** The boolean a word spells, if it spells one. */
export function booleanValue(word: string): boolean | undefined {
  return BOOLEAN_WORDS.get(word);
}

/** One string literal from the current `String` token and any that follow it. */
export function parseStringLiteral(p: ParseContext): StringLiteral {
  const start = p.token.start;
  let value = '';
  const parts: string[] = [];
  let obfuscated = false;
  while (p.at('String')) {
    const token = p.advance();
    value += token.value;
    parts.push(token.text);
    obfuscated ||= token.text.startsWith('h') || token.text.startsWith('H');
  }
  return {
    kind: 'StringLiteral',
    span: p.spanFrom(start),
    value,
    text: parts.join(' '),
    obfuscated,
  };
}

/** A number literal from the current `Number` token, with an optional sign already seen. */
export function parseNumberLiteral(p: ParseContext, sign?: Token): NumberLiteral {
  const token = p.advance();
  const start = sign?.start ?? token.start;
  const digits = token.text.replace(/[lL]$/, '');
  const hex = /^0[xX]/.test(digits);
  const real = !hex && /[.eE]/.test(digits);
  const magnitude = hex ? Number.parseInt(digits.slice(2), 16) : Number(digits);
  const negative = sign?.kind === '-';
  return {
    kind: 'NumberLiteral',
    span: p.spanFrom(start),
    text: (sign ? sign.text : '') + token.text,
    type: real ? 'real' : 'long',
    value: negative ? -magnitude : magnitude,
  };
}

/** A timespan literal from the current `Timespan` token: `1.5h` is 54,000,000,000 ticks. */
export function parseTimespanLiteral(p: ParseContext, sign?: Token): TimespanLiteral {
  const token = p.advance();
  const start = sign?.start ?? token.start;
  const match = /^([0-9.eE+-]+)([A-Za-z]+)$/.exec(token.text);
  const unit = TIMESPAN_UNITS.get(match?.[2]?.toLowerCase() ?? '') ?? 0;
  const ticks = Number(match?.[1] ?? 0) * unit * (sign?.kind === '-' ? -1 : 1);
  return {
    kind: 'TimespanLiteral',
    span: p.spanFrom(start),
    text: (sign ? sign.text : '') + token.text,
    ticks,
  };
}

/** `true`/`false` from the current word. */
export function parseBooleanLiteral(p: ParseContext): BooleanLiteral {
  const token = p.advance();
  const value = booleanValue(token.text) === true;
  return { kind: 'BooleanLiteral', span: p.spanFrom(token.start), value };
}

/** A typed literal; call when {@link atTypedLiteral} holds. */
export function parseTypedLiteral(p: ParseContext): TypedLiteral | DynamicLiteral {
  const word = p.advance();
  p.advance();
  if (word.text === 'dynamic') return finishDynamic(p, word.start);

  const from = p.token.start;
  if (p.at('RawText')) {
    const raw = p.advance();
    if (!p.at(')') || !p.adjacent(raw, p.token)) {
      p.expected('ExpectedToken', `')' on the same line to end the ${word.text} literal`);
    }
  } else {
    if (p.at('-') || p.at('+')) p.advance();
    if (atLiteralToken(p)) p.advance();
    else p.expected('ExpectedExpression', `a ${word.text} value`);
  }
  const text = p.previous.end > from ? p.text.slice(from, p.previous.end).trim() : '';
  p.expect(')', `')' to end the ${word.text} literal`);
  return { kind: 'TypedLiteral', span: p.spanFrom(word.start), type: word.text, text };
}

function atLiteralToken(p: ParseContext): boolean {
  const kind = p.token.kind;
  return kind === 'Number' || kind === 'Identifier' || kind === 'Timespan' || kind === 'String';
}

function finishDynamic(p: ParseContext, start: number): DynamicLiteral {
  const value = parseJsonValue(p);
  p.expect(')', "')' to end the dynamic literal");
  return { kind: 'DynamicLiteral', span: p.spanFrom(start), value };
}

function parseJsonValue(p: ParseContext): JsonValue {
  const token = p.token;
  if (token.kind === '{') return parseJsonObject(p);
  if (token.kind === '[') return parseJsonArray(p);
  if (token.kind === 'String') return parseStringLiteral(p);
  if (token.kind === 'Number') return parseNumberLiteral(p);
  if (token.kind === 'Timespan') return parseTimespanLiteral(p);
  if (token.kind === '-' || token.kind === '+') return parseSignedJson(p);
  if (token.kind === 'Identifier') {
    if (booleanValue(token.text) !== undefined) return parseBooleanLiteral(p);
    if (token.text === 'null') return { kind: 'NullLiteral', span: spanOf(p.advance()) };
    const nested = token.text === 'dynamic' || RAW_LITERAL_TYPES.has(token.text);
    if (nested && atTypedLiteral(p)) return parseTypedLiteral(p);
  }
  return missingJson(p);
}

function parseSignedJson(p: ParseContext): JsonValue {
  const next = p.peek(1).kind;
  if (next === 'Number') return parseNumberLiteral(p, p.advance());
  if (next === 'Timespan') return parseTimespanLiteral(p, p.advance());
  return missingJson(p);
}

function missingJson(p: ParseContext): MissingExpression {
  p.expected('ExpectedExpression', 'a JSON value');
  return { kind: 'MissingExpression', span: p.emptySpan() };
}

function parseJsonObject(p: ParseContext): JsonObject {
  const start = p.advance().start;
  const properties: JsonProperty[] = [];
  if (!p.at('}')) {
    do properties.push(parseJsonProperty(p));
    while (p.eat(','));
  }
  p.expect('}', "'}' to end the JSON object");
  return { kind: 'JsonObject', span: p.spanFrom(start), properties };
}

function parseJsonProperty(p: ParseContext): JsonProperty {
  const start = p.token.start;
  let key: StringLiteral;
  if (p.at('String')) {
    key = parseStringLiteral(p);
  } else {
    p.expected('ExpectedToken', 'a quoted property name');
    key = { kind: 'StringLiteral', span: p.emptySpan(), value: '', text: '""', obfuscated: false };
  }
  p.expect(':', "':' after the property name");
  const value = parseJsonValue(p);
  return { kind: 'JsonProperty', span: p.spanFrom(start), key, value };
}

function parseJsonArray(p: ParseContext): JsonArray {
  const start = p.advance().start;
  const elements: JsonValue[] = [];
  if (!p.at(']')) {
    do elements.push(parseJsonValue(p));
    while (p.eat(','));
  }
  p.expect(']', "']' to end the JSON array");
  return { kind: 'JsonArray', span: p.spanFrom(start), elements };
}

function spanOf(token: Token): { start: number; end: number } {
  return { start: token.start, end: token.end };
}
