/**
 * ClickHouse's type names, as a server writes them in a result's meta, read into a small tree
 * and mapped to Kusto's scalar types.
 */
import type { ScalarType } from '../../plan/types.js';

/**
 * A ClickHouse type: its name and its arguments, each argument either a type or a literal
 * (`'Europe/Paris'` in `DateTime('Europe/Paris')`, `18` in `Decimal(18, 3)`).
 */
export interface ClickHouseType {
  readonly name: string;
  readonly args: readonly ClickHouseTypeArg[];
}

/** One argument of a type: a nested type, or a literal kept as the server wrote it. */
export type ClickHouseTypeArg =
  | { readonly kind: 'type'; readonly type: ClickHouseType }
  | { readonly kind: 'literal'; readonly text: string };

/** Types that only wrap another and change nothing about its values. */
const WRAPPERS = new Set(['Nullable', 'LowCardinality', 'SimpleAggregateFunction']);

const SCALAR_OF_NAME: Readonly<Record<string, ScalarType>> = {
  Bool: 'bool',
  Int8: 'int',
  Int16: 'int',
  Int32: 'int',
  UInt8: 'int',
  UInt16: 'int',
  Int64: 'long',
  UInt32: 'long',
  UInt64: 'long',
  Float32: 'real',
  Float64: 'real',
  Decimal: 'decimal',
  Decimal32: 'decimal',
  Decimal64: 'decimal',
  Decimal128: 'decimal',
  Decimal256: 'decimal',
  Date: 'datetime',
  Date32: 'datetime',
  DateTime: 'datetime',
  DateTime64: 'datetime',
  String: 'string',
  FixedString: 'string',
  Enum8: 'string',
  Enum16: 'string',
  IPv4: 'string',
  IPv6: 'string',
  Nothing: 'string',
  UUID: 'guid',
  Array: 'dynamic',
  Tuple: 'dynamic',
  Nested: 'dynamic',
  Map: 'dynamic',
};

/**
 * Reads a type name such as `Array(Nullable(DateTime('UTC')))`. Arguments that are not types
 * (quoted strings, numbers, enum entries like `'a' = 1`) stay literals. A named tuple element
 * (`Tuple(a String)`, from newer servers) keeps only its type.
 */
export function parseClickHouseType(text: string): ClickHouseType {
  const trimmed = text.trim();
  const open = trimmed.indexOf('(');
  if (open < 0 || !trimmed.endsWith(')')) return { name: trimmed, args: [] };

  const name = trimmed.slice(0, open).trim();
  const args = splitArguments(trimmed.slice(open + 1, -1)).map(readArgument);
  return { name, args };
}

/**
 * The Kusto type a ClickHouse column reads as: `Nullable(X)` and `LowCardinality(X)` read as
 * X; integers up to 32 bits that fit a signed 32-bit value are `int`, wider ones `long`; arrays,
 * tuples and maps are `dynamic`; a type this table does not know is `dynamic` too.
 *
 * @example scalarTypeOfClickHouse('Nullable(UInt32)') // 'long'
 */
export function scalarTypeOfClickHouse(type: string | ClickHouseType): ScalarType {
  const parsed = unwrap(typeof type === 'string' ? parseClickHouseType(type) : type);
  return SCALAR_OF_NAME[parsed.name] ?? 'dynamic';
}

/** The type inside any `Nullable(...)` or `LowCardinality(...)` around it. */
export function unwrap(type: ClickHouseType): ClickHouseType {
  const inner = type.args[type.args.length - 1];
  if (!WRAPPERS.has(type.name) || inner?.kind !== 'type') return type;
  return unwrap(inner.type);
}

/** The nested types among a type's arguments, in order. */
export function typeArgs(type: ClickHouseType): ClickHouseType[] {
  return type.args.flatMap((arg) => (arg.kind === 'type' ? [arg.type] : []));
}

/** The text of a quoted literal argument, unescaped, or `undefined` when it is not quoted. */
export function quotedLiteral(arg: ClickHouseTypeArg | undefined): string | undefined {
  if (arg?.kind !== 'literal' || !/^'.*'$/s.test(arg.text)) return undefined;
  return arg.text.slice(1, -1).replace(/\\(.)/gs, '$1');
}

/** Splits an argument list at its top-level commas, minding parentheses and quotes. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === "'") quote = false;
    } else if (ch === "'") quote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }

  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** An argument: a type when it starts like one, else a literal. */
function readArgument(text: string): ClickHouseTypeArg {
  if (!/^[A-Za-z_]/.test(text)) return { kind: 'literal', text };

  // `name Type` is a named tuple element; a type name itself holds no space before `(`.
  const named = /^[A-Za-z_]\w*\s+([A-Za-z_][\s\S]*)$/.exec(text);
  const typeText = named?.[1] ?? text;
  return { kind: 'type', type: parseClickHouseType(typeText) };
}
