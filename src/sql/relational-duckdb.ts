/**
 * Plans as DuckDB SQL. Constants are bound as numbered parameters (`$1`, `$2` ...); joins
 * use DuckDB's own `SEMI JOIN` and `ANTI JOIN`, and `innerunique` keeps one left row per key
 * with `DISTINCT ON`.
 */
import { assertNever } from '../errors.js';
import type { Aggregation } from '../plan/aggregation.js';
import type { Join, Relation, Unnest } from '../plan/relation.js';
import { joinColumns, schemaOf } from '../plan/schema.js';
import { nonEventKeys } from '../schema/views/event-keys.js';
import type { CompileOptions } from './compile.js';
import { DuckDBCompiler } from './duckdb.js';
import { planExpressions, type PlanExpressionCompiler, type Scope } from './plan-expressions.js';
import { RelationalCompiler, type CompiledPlan } from './relational.js';
import type { Source } from './select-builder.js';
import type { Compiled } from './select.js';

/** DuckDB's expression compiler for plans: constants become `$n` placeholders. */
export const DuckDBPlanExpressions = planExpressions(DuckDBCompiler, (n) => `$${n}`);

/** Compiles a plan to a DuckDB statement and the values of its parameters. */
export function compileDuckDB(rel: Relation, options: CompileOptions = {}): CompiledPlan {
  return new DuckDBRelational(new DuckDBPlanExpressions(nonEventKeys(), options)).compile(rel);
}

const JOIN_SQL = {
  inner: 'INNER JOIN',
  innerunique: 'INNER JOIN',
  leftouter: 'LEFT JOIN',
  rightouter: 'RIGHT JOIN',
  fullouter: 'FULL JOIN',
  leftsemi: 'SEMI JOIN',
  leftanti: 'ANTI JOIN',
  rightsemi: 'SEMI JOIN',
  rightanti: 'ANTI JOIN',
} satisfies Record<Join['join'], string>;

/** The relational compiler for DuckDB. */
export class DuckDBRelational extends RelationalCompiler {
  constructor(x: PlanExpressionCompiler) {
    super(x, false);
  }

  /** A table is joined as it is; anything else as a subquery. */
  protected override source(compiled: Compiled): Source {
    return this.plainTable(compiled) ?? super.source(compiled);
  }

  protected rowsSource(rows: readonly string[][], names: readonly string[], alias: string): string {
    const tuples = rows.map((row) => `(${row.join(', ')})`).join(', ');
    return `(VALUES ${tuples}) AS ${alias}(${names.map((n) => this.x.name(n)).join(', ')})`;
  }

  protected aggregation(agg: Aggregation, scope: Scope): string[] {
    if (agg.fn === 'count')
      return [agg.arg ? `count(${this.x.inScope(agg.arg, scope)})` : 'count(*)'];
    const arg = this.x.inScope(agg.arg, scope);
    switch (agg.fn) {
      case 'countif':
        return [`count_if(${arg})`];
      case 'dcount':
        return [`count(DISTINCT ${arg})`];
      case 'sum':
      case 'avg':
      case 'min':
      case 'max':
        return [`${agg.fn}(${arg})`];
      case 'any':
        return [`any_value(${arg})`];
      case 'arg_max':
      case 'arg_min': {
        // One pick of the whole row, so that every returned value comes from the same row.
        const row = agg.returns.map((r) => this.x.inScope(r.expr, scope)).join(', ');
        const pick = `${agg.fn}(row(${row}), ${arg})`;
        const extreme = `${agg.fn === 'arg_max' ? 'max' : 'min'}(${arg})`;
        return [extreme, ...agg.returns.map((_, i) => `struct_extract(${pick}, ${i + 1})`)];
      }
      case 'make_set':
      case 'make_list': {
        const distinct = agg.fn === 'make_set' ? 'DISTINCT ' : '';
        const list = `coalesce(list(${distinct}${arg}) FILTER (WHERE ${arg} IS NOT NULL), [])`;
        const sized = agg.maxSize === undefined ? list : `list_slice(${list}, 1, ${agg.maxSize})`;
        return [`to_json(${sized})`];
      }
      default:
        return assertNever(agg, 'aggregation');
    }
  }

  protected join(rel: Join, left: Compiled, right: Compiled): Compiled {
    const l = rel.join === 'innerunique' ? this.uniqueLeft(left, rel) : this.source(left);
    const r = this.source(right);
    const keys = rel.on.map(
      (c) => `(${this.x.inScope(c.left, l.scope)} = ${this.x.inScope(c.right, r.scope)})`,
    );
    const mirrored = rel.join === 'rightsemi' || rel.join === 'rightanti';
    const [first, second] = mirrored ? [r, l] : [l, r];

    const from = `${first.sql} ${JOIN_SQL[rel.join]} ${second.sql} ON ${keys.join(' AND ')}`;
    const outputs = joinColumns(rel).map((c) => ({
      name: c.name,
      type: c.type,
      sql: (c.side === 'left' ? l : r).scope.get(c.source)!.sql,
    }));
    return this.select({ from }, new Map(), outputs);
  }

  /** The left input with one row per join key, whichever comes first. */
  private uniqueLeft(left: Compiled, rel: Join): Source {
    const inner = this.source(left);
    const keys = rel.on.map((c) => this.x.inScope(c.left, inner.scope)).join(', ');
    return this.sourceOf(`SELECT DISTINCT ON (${keys}) * FROM ${inner.sql}`, left.columns);
  }

  /**
   * One row per element: the input is read as a subquery so that nothing later merges into
   * a `SELECT` whose items expand rows.
   */
  protected unnest(rel: Unnest, input: Compiled): Compiled {
    const source = this.source(input);
    const value = this.x.inScopeAs(rel.expr, 'dynamic', source.scope);
    const list =
      `CASE json_type(${value}) WHEN ${this.x.text('ARRAY')} THEN CAST(${value} AS JSON[]) ` +
      `ELSE [${value}] END`;
    const element = `unnest(${list})`;

    const outputs = schemaOf(rel).map((c) => {
      if (c.name === rel.index) return { ...c, sql: `generate_subscripts(${list}, 1) - 1` };
      if (c.name !== rel.name) return { ...c, sql: source.scope.get(c.name)!.sql };
      return {
        ...c,
        sql: rel.type === 'dynamic' ? element : this.x.convert(element, 'dynamic', rel.type),
      };
    });
    return this.wrap(this.select({ from: source.sql }, new Map(), outputs));
  }
}
