/**
 * Conversion of the values a ClickHouse server writes in its JSON formats to Quarry's values:
 * 64-bit integers arrive as strings and become bigints, times arrive as wall-clock text in a
 * zone and become instants, and the elements of arrays and tuples are converted by their types.
 */
import { QuarryError } from '../../errors.js';
import { normalizeTimeZone } from '../../time/zone.js';
import { parseInstant } from '../../time/parse.js';
import { Instant, type Value } from '../engine.js';
import {
  quotedLiteral,
  scalarTypeOfClickHouse,
  typeArgs,
  unwrap,
  type ClickHouseType,
} from './types.js';

/** Converts one value of a column, as parsed from the server's JSON, to a Quarry value. */
export type ValueReader = (value: unknown) => Value;

/** The text old servers write for the zero `Date` and `DateTime`, which stand for 1970-01-01. */
const ZERO_TIME = /^0000-00-00(?: 00:00:00(?:\.0+)?)?$/;

const NON_FINITE: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  '-nan': Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  '+inf': Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
};

/**
 * The reader for values of `type`. A `DateTime` that names no zone is read in `serverZone`,
 * the zone the server writes times in (its `timezone()`).
 *
 * @throws QuarryError from the reader when a value does not have its type's shape.
 */
export function valueReader(type: ClickHouseType, serverZone: string): ValueReader {
  const read = readerOf(unwrap(type), serverZone);
  return (value) => (value === null || value === undefined ? null : read(value));
}

/** True when reading `type` needs the server's zone: a `DateTime` in it names no zone. */
export function needsServerZone(type: ClickHouseType): boolean {
  const inner = unwrap(type);
  if (inner.name === 'DateTime') return quotedLiteral(inner.args[0]) === undefined;
  if (inner.name === 'DateTime64') return quotedLiteral(inner.args[1]) === undefined;
  return typeArgs(inner).some(needsServerZone);
}

function readerOf(type: ClickHouseType, zone: string): ValueReader {
  switch (type.name) {
    case 'Array':
      return arrayReader(typeArgs(type)[0], zone);
    case 'Tuple':
      return tupleReader(typeArgs(type), zone);
    case 'Map':
      return mapReader(typeArgs(type)[1], zone);
    case 'Date':
    case 'Date32':
      return timeReader(type, 'UTC');
    case 'DateTime':
      return timeReader(type, quotedLiteral(type.args[0]) ?? zone);
    case 'DateTime64':
      return timeReader(type, quotedLiteral(type.args[1]) ?? zone);
  }
  return scalarReader(type);
}

function scalarReader(type: ClickHouseType): ValueReader {
  switch (scalarTypeOfClickHouse(type)) {
    case 'int':
    case 'decimal':
      return (value) => readNumber(value, type);
    case 'long':
      return (value) => readBigInt(value, type);
    case 'real':
      return (value) => readReal(value, type);
    case 'bool':
      return (value) => readBool(value, type);
    case 'string':
    case 'guid':
      return (value) => (typeof value === 'string' ? value : String(value));
    default:
      return (value) => value as Value;
  }
}

function arrayReader(element: ClickHouseType | undefined, zone: string): ValueReader {
  const read = element ? valueReader(element, zone) : (value: unknown) => value as Value;
  return (value) => asArray(value, 'Array').map(read);
}

function tupleReader(elements: readonly ClickHouseType[], zone: string): ValueReader {
  const reads = elements.map((element) => valueReader(element, zone));
  return (value) => asArray(value, 'Tuple').map((item, i) => (reads[i] ?? toValue)(item));
}

function mapReader(valueType: ClickHouseType | undefined, zone: string): ValueReader {
  const read = valueType ? valueReader(valueType, zone) : toValue;
  return (value) => {
    if (typeof value !== 'object' || value === null) throw unexpected(value, 'Map');
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, read(item)]));
  };
}

function timeReader(type: ClickHouseType, zone: string): ValueReader {
  const canonical = normalizeTimeZone(zone);
  if (canonical === undefined) {
    throw new QuarryError(`the time zone '${zone}' of ${typeText(type)} is not one Quarry knows`);
  }

  return (value) => {
    if (typeof value !== 'string') throw unexpected(value, typeText(type));
    if (ZERO_TIME.test(value)) return new Instant(0n);
    return parseInstant(value, canonical) ?? fail(unexpected(value, typeText(type)));
  };
}

function readNumber(value: unknown, type: ClickHouseType): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || Number.isNaN(number)) throw unexpected(value, typeText(type));
  return number;
}

function readReal(value: unknown, type: ClickHouseType): number {
  if (typeof value === 'string' && value.toLowerCase() in NON_FINITE) {
    return NON_FINITE[value.toLowerCase()]!;
  }
  return readNumber(value, type);
}

function readBigInt(value: unknown, type: ClickHouseType): bigint {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^[+-]?\d+$/.test(value)) return BigInt(value);
  throw unexpected(value, typeText(type));
}

function readBool(value: unknown, type: ClickHouseType): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value === 'true' || value === 'false') return value === 'true';
  throw unexpected(value, typeText(type));
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw unexpected(value, what);
  return value;
}

function toValue(value: unknown): Value {
  return value as Value;
}

function typeText(type: ClickHouseType): string {
  return type.args.length === 0 ? type.name : `${type.name}(...)`;
}

function unexpected(value: unknown, what: string): QuarryError {
  const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
  return new QuarryError(`a value of type ${what} came back as ${shown}`);
}

function fail(error: Error): never {
  throw error;
}
