/**
 * The Kusto type of a plan expression, as far as the compiler needs it: to know when a value
 * must be converted to a view column's type, and how a conversion reads its input.
 */
import { assertNever } from '../errors.js';
import type { Expr, FunctionName } from '../plan/expr.js';
import type { ScalarType } from '../plan/types.js';
import { EVENT_COLUMNS } from '../schema/layout.js';

/** A function's result type, or `first` for the type of its first typed argument. */
type ResultType = ScalarType | 'first';

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
} as const satisfies Record<FunctionName, ResultType>;

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
