/**
 * The Kusto type of a plan expression, as far as the compiler needs it: to know when a value
 * must be converted to a view column's type, and how a conversion reads its input.
 */
import { assertNever } from '../errors.js';
import type { Expr, FunctionName } from '../plan/expr.js';
import type { ScalarType } from '../plan/types.js';
import { EVENT_COLUMNS } from '../schema/layout.js';

/**
 * A function's result type: a type, `first` for the type of its first typed argument, or a
 * rule reading the argument types.
 */
type ResultType = ScalarType | 'first' | ((args: readonly Expr[]) => ScalarType | undefined);

const RESULT_TYPES = {
  and: 'bool',
  or: 'bool',
  not: 'bool',
  eq: 'bool',
  ne: 'bool',
  eqIgnoreCase: 'bool',
  in: 'bool',
  isNull: 'bool',
  isNotNull: 'bool',
  coalesce: 'first',
  nullIfEmpty: 'string',
  concat: 'string',
  lower: 'string',
  upper: 'string',
  startsWithIgnoreCase: 'bool',
  endsWithIgnoreCase: 'bool',
  containsIgnoreCase: 'bool',
  fileName: 'string',
  folderPath: 'string',
  regexExtract: 'string',
  regexMatch: 'bool',
  replaceText: 'string',
  xmlEscape: 'string',
  split: 'dynamic',
  array: 'dynamic',
  arrayCompact: 'dynamic',
  arrayJoin: 'string',
  arrayLength: 'long',
  hexToLong: 'long',
  toHex: 'string',
  bitAnd: 'long',
  sha1: 'string',
  formatDatetime: 'string',
  extraField: 'string',
  eventDataXml: 'string',
  eventDataParams: 'string',
  eventDataText: 'string',
  eventDataJson: 'dynamic',
  rowJson: 'dynamic',
  equal: 'bool',
  equalIgnoreCase: 'bool',
  less: 'bool',
  lessOrEqual: 'bool',
  greater: 'bool',
  greaterOrEqual: 'bool',
  between: 'bool',
  equalAny: 'bool',
  equalAnyIgnoreCase: 'bool',
  contains: 'bool',
  containsCs: 'bool',
  startsWith: 'bool',
  startsWithCs: 'bool',
  endsWith: 'bool',
  endsWithCs: 'bool',
  has: 'bool',
  hasCs: 'bool',
  hasPrefix: 'bool',
  hasPrefixCs: 'bool',
  hasSuffix: 'bool',
  hasSuffixCs: 'bool',
  hasAny: 'bool',
  hasAll: 'bool',
  matchesRegex: 'bool',
  strlen: 'long',
  substring: 'string',
  splitText: 'dynamic',
  isEmpty: 'bool',
  isNotEmpty: 'bool',
  add: (args) => arithmeticType('add', args),
  subtract: (args) => arithmeticType('subtract', args),
  multiply: (args) => arithmeticType('multiply', args),
  divide: (args) => arithmeticType('divide', args),
  modulo: (args) => arithmeticType('modulo', args),
  negate: 'first',
  now: 'datetime',
  ago: 'datetime',
  bin: 'first',
  datetimeAdd: 'datetime',
  datetimeDiff: 'long',
  datetimeUtcToLocal: 'datetime',
  isNullValue: 'bool',
  isNotNullValue: 'bool',
  firstNonEmpty: 'first',
  dynamicGet: 'dynamic',
} as const satisfies Record<FunctionName, ResultType>;

/**
 * The type of Kusto's `+ - * / %`: datetimes and timespans by Kusto's rules; for numbers `real`
 * when either operand is real (or decimal, when either is), else `long`.
 */
export function arithmeticType(
  fn: 'add' | 'subtract' | 'multiply' | 'divide' | 'modulo',
  [a, b]: readonly Expr[],
): ScalarType | undefined {
  const types = [a && exprType(a), b && exprType(b)];
  const [left, right] = types;
  if (types.includes('datetime')) {
    return left === 'datetime' && right === 'datetime' ? 'timespan' : 'datetime';
  }
  if (types.includes('timespan')) {
    return fn === 'divide' && left === 'timespan' && right === 'timespan' ? 'real' : 'timespan';
  }
  if (types.includes('decimal')) return 'decimal';
  if (types.includes('real')) return 'real';
  return left === undefined && right === undefined ? undefined : 'long';
}

const COLUMN_TYPES = new Map(EVENT_COLUMNS.map((c) => [c.name, c.scalar]));

/**
 * The type `expr` yields, or `undefined` when nothing says (an untyped null, a name the
 * stored layout does not have).
 */
export function exprType(expr: Expr): ScalarType | undefined {
  switch (expr.kind) {
    case 'Literal':
    case 'EventField':
    case 'RowField':
    case 'Cast':
      return expr.type;
    case 'ColumnRef':
      return COLUMN_TYPES.get(expr.name);
    case 'Case':
      return firstType([...expr.branches.map((b) => b.then), expr.otherwise]);
    case 'Call': {
      const result: ResultType = RESULT_TYPES[expr.fn];
      if (typeof result === 'function') return result(expr.args);
      return result === 'first' ? firstType(expr.args) : result;
    }
    default:
      return assertNever(expr, 'expression');
  }
}

/** The type of the first expression that is not a null literal. */
function firstType(exprs: readonly Expr[]): ScalarType | undefined {
  for (const expr of exprs) {
    if (expr.kind === 'Literal' && expr.value === null) continue;
    const type = exprType(expr);
    if (type !== undefined) return type;
  }
  const typedNull = exprs.find((e) => e.kind === 'Literal');
  return typedNull ? exprType(typedNull) : undefined;
}
