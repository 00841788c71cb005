/**
 * Output schemas of plan operators, and the types of expressions over an input's columns.
 */
import { assertNever, InternalError } from '../errors.js';
import { exprType } from '../sql/expr-type.js';
import { aggregationColumns } from './aggregation.js';
import type { Expr } from './expr.js';
import type { Column, Join, Relation, Union } from './relation.js';
import type { ScalarType } from './types.js';

/** The columns an operator outputs, in order. */
export function schemaOf(rel: Relation): readonly Column[] {
  switch (rel.kind) {
    case 'Scan':
      return rel.columns.map(({ name, type }) => ({ name, type }));
    case 'Values':
      return rel.columns;
    case 'Filter':
    case 'Sort':
    case 'Limit':
    case 'TopN':
    case 'Distinct':
      return schemaOf(rel.input);
    case 'Project': {
      const input = schemaOf(rel.input);
      return rel.columns.map((c) => ({ name: c.name, type: typeIn(c.expr, input) }));
    }
    case 'Aggregate': {
      const input = schemaOf(rel.input);
      const typeOf = (expr: Expr) => typeIn(expr, input);
      return [
        ...rel.keys.map((k) => ({ name: k.name, type: typeOf(k.expr) })),
        ...rel.aggregations.flatMap((a) => aggregationColumns(a, typeOf)),
      ];
    }
    case 'Join':
      return joinColumns(rel).map(({ name, type }) => ({ name, type }));
    case 'Union':
      return unionColumns(rel).map(({ name, type }) => ({ name, type }));
    case 'Unnest':
      return unnestColumns(schemaOf(rel.input), rel.name, rel.type, rel.index);
    default:
      return assertNever(rel, 'relation');
  }
}

/** The type of an expression whose column references name columns of `input`. */
export function typeIn(expr: Expr, input: readonly Column[]): ScalarType {
  const type = exprType(withColumnTypes(expr, input));
  if (type === undefined) throw new InternalError('an expression of unknown type');
  return type;
}

/** `expr` with each column reference wrapped in a cast to its column's type. */
function withColumnTypes(expr: Expr, input: readonly Column[]): Expr {
  switch (expr.kind) {
    case 'ColumnRef':
      return { kind: 'Cast', type: columnOf(input, expr.name).type, arg: expr };
    case 'Literal':
    case 'EventField':
    case 'RowField':
      return expr;
    case 'Call':
      return { ...expr, args: expr.args.map((a) => withColumnTypes(a, input)) };
    case 'Case':
      return {
        ...expr,
        branches: expr.branches.map((b) => ({
          when: withColumnTypes(b.when, input),
          then: withColumnTypes(b.then, input),
        })),
        otherwise: withColumnTypes(expr.otherwise, input),
      };
    case 'Cast':
      return { ...expr, arg: withColumnTypes(expr.arg, input) };
    default:
      return assertNever(expr, 'expression');
  }
}

/** The column of `input` called `name`; a missing one is a binder bug. */
export function columnOf(input: readonly Column[], name: string): Column {
  const column = input.find((c) => c.name === name);
  if (!column) throw new InternalError(`no column ${name} in the input`);
  return column;
}

/** A join output column and where it comes from. */
export interface JoinColumn extends Column {
  readonly side: 'left' | 'right';
  /** The column's name on its own side. */
  readonly source: string;
}

/** The output columns of a join, right duplicates renamed as Kusto renames them. */
export function joinColumns(join: Join): JoinColumn[] {
  const side = (s: 'left' | 'right') =>
    schemaOf(s === 'left' ? join.left : join.right).map((c) => ({
      ...c,
      side: s,
      source: c.name,
    }));
  switch (join.join) {
    case 'leftsemi':
    case 'leftanti':
      return side('left');
    case 'rightsemi':
    case 'rightanti':
      return side('right');
    case 'inner':
    case 'innerunique':
    case 'leftouter':
    case 'rightouter':
    case 'fullouter': {
      const left = side('left');
      const taken = new Set(left.map((c) => c.name));
      const right = side('right').map((c) => {
        const name = freeName(c.name, taken);
        taken.add(name);
        return { ...c, name };
      });
      return [...left, ...right];
    }
    default:
      return assertNever(join.join, 'join kind');
  }
}

/** `name`, or `name1`, `name2` ... whichever is first not taken. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 1; ; n++) if (!taken.has(`${name}${n}`)) return `${name}${n}`;
}

/** A union output column and the input column it reads, by name and type. */
export interface UnionColumn extends Column {
  /** The inputs' column name, or undefined for the source column. */
  readonly source: string | undefined;
}

/** The output columns of a union, in order of first appearance. */
export function unionColumns(union: Union): UnionColumn[] {
  const schemas = union.inputs.map((input) => schemaOf(input));
  const all: Column[] = [];
  for (const column of schemas.flat()) {
    if (!all.some((c) => c.name === column.name && c.type === column.type)) all.push(column);
  }

  const kept =
    union.union === 'outer'
      ? all
      : all.filter((c) =>
          schemas.every((s) => s.some((x) => x.name === c.name && x.type === c.type)),
        );
  const typesOf = (name: string) => kept.filter((c) => c.name === name).length;
  const columns: UnionColumn[] = kept.map((c) => ({
    name: typesOf(c.name) > 1 ? `${c.name}_${c.type}` : c.name,
    type: c.type,
    source: c.name,
  }));
  return union.source
    ? [{ name: union.source.name, type: 'string', source: undefined }, ...columns]
    : columns;
}

/** The input's columns with the expanded one replaced or appended, then the index. */
function unnestColumns(
  input: readonly Column[],
  name: string,
  type: ScalarType,
  index: string | undefined,
): Column[] {
  const replaced = input.some((c) => c.name === name);
  const columns = input.map((c) => (c.name === name ? { name, type } : c));
  if (!replaced) columns.push({ name, type });
  if (index !== undefined) columns.push({ name: index, type: 'long' });
  return columns;
}
