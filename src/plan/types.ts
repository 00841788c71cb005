/**
 * Kusto's scalar types: the types every plan expression and every view column carries,
 * whatever language the query was written in.
 */
export type ScalarType =
  | 'bool'
  | 'int'
  | 'long'
  | 'real'
  | 'decimal'
  | 'datetime'
  | 'timespan'
  | 'string'
  | 'guid'
  | 'dynamic';

/** Every scalar type, in Kusto's documentation order. */
export const SCALAR_TYPES: readonly ScalarType[] = [
  'bool',
  'datetime',
  'decimal',
  'dynamic',
  'guid',
  'int',
  'long',
  'real',
  'string',
  'timespan',
];

/** True for the numeric types. */
export function isNumeric(type: ScalarType): boolean {
  return type === 'int' || type === 'long' || type === 'real' || type === 'decimal';
}
