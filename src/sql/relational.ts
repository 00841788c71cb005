/**
 * The base compiler from plans to SQL. Each operator extends the `SELECT` of its input when
 * SQL allows it without changing the meaning (a filter over a projection adds a `WHERE` that
 * reads the projection's expressions), and otherwise wraps the input as a subquery with a
 * generated alias. What the engines spell differently (aggregate functions, joins, literal
 * rows, expansion) is left to the dialect classes.
 *
 * Rows keep their order through the operators that keep it in Kusto (filters, projections
 * that keep the sort columns, `take`): when such an operator wraps a sorted input, the outer
 * `SELECT` sorts again, since SQL does not promise a subquery's order.
 */
import type { Param } from '../engine/engine.js';
import { assertNever } from '../errors.js';
import type { Aggregation } from '../plan/aggregation.js';
import type {
  Aggregate,
  Column,
  Distinct,
  Filter,
  Join,
  Limit,
  NamedExpr,
  Project,
  Relation,
  Scan,
  Sort,
  SortKey,
  TopN,
  Union,
  Unnest,
  Values,
} from '../plan/relation.js';
import { schemaOf, unionColumns } from '../plan/schema.js';
import type { ScalarType } from '../plan/types.js';
import type { Scope } from './plan-expressions.js';
import { SelectBuilder } from './select-builder.js';
import { itemScope, sqlNames, type Compiled, type Select } from './select.js';

/** A plan as one SQL statement. */
export interface CompiledPlan {
  readonly sql: string;
  /** Values of the statement's placeholders, in order; empty for an engine without them. */
  readonly params: readonly Param[];
  /** The statement's columns: the plan's output schema. */
  readonly columns: readonly Column[];
}

/** The base relational compiler; a dialect class supplies what its engine spells its own way. */
export abstract class RelationalCompiler extends SelectBuilder {
  /** The plan as SQL whose columns carry the plan's names, in the plan's order. */
  compile(rel: Relation): CompiledPlan {
    const compiled = this.finish(this.relation(rel));
    return {
      sql: this.render(compiled.select),
      params: [...this.x.params],
      columns: schemaOf(rel),
    };
  }

  /** One relation as SQL. */
  protected relation(rel: Relation): Compiled {
    switch (rel.kind) {
      case 'Scan':
        return this.scan(rel);
      case 'Values':
        return this.values(rel);
      case 'Filter':
        return this.filter(rel);
      case 'Project':
        return this.project(rel);
      case 'Aggregate':
        return this.aggregate(rel);
      case 'Sort':
        return this.sort(rel);
      case 'Limit':
        return this.limit(rel);
      case 'TopN':
        return this.topN(rel);
      case 'Distinct':
        return this.distinct(rel);
      case 'Join':
        return this.join(rel, this.relation(rel.left), this.relation(rel.right));
      case 'Union':
        return this.union(rel);
      case 'Unnest':
        return this.unnest(rel, this.relation(rel.input));
      default:
        return assertNever(rel, 'relation');
    }
  }

  // What the dialects supply.

  /**
   * A source of literal rows, aliased `alias`, whose columns are called `names`; `rows` holds
   * each row's cells as SQL, and is never empty.
   */
  protected abstract rowsSource(
    rows: readonly string[][],
    names: readonly string[],
    alias: string,
  ): string;
  /** The SQL of each column an aggregation outputs, its arguments read in `scope`. */
  protected abstract aggregation(agg: Aggregation, scope: Scope): string[];
  protected abstract join(rel: Join, left: Compiled, right: Compiled): Compiled;
  protected abstract unnest(rel: Unnest, input: Compiled): Compiled;

  // Operators every engine writes alike.

  private scan(rel: Scan): Compiled {
    const alias = this.alias();
    const table = rel.namespace === undefined ? '' : `${this.x.name(rel.namespace)}.`;
    const from = new Map(
      rel.columns.map((c) => [c.sqlName ?? c.name, this.ref(alias, c.sqlName ?? c.name)]),
    );
    const outputs = rel.columns.map((c) => ({
      name: c.name,
      type: c.type,
      sql: from.get(c.sqlName ?? c.name)!,
      want: c.sqlName ?? c.name,
    }));
    return this.select({ from: `${table}${this.x.name(rel.table)} AS ${alias}` }, from, outputs);
  }

  private values(rel: Values): Compiled {
    const empty: Scope = new Map();
    const rows = rel.rows.map((row) =>
      row.map((cell, i) => this.x.inScopeAs(cell, rel.columns[i]!.type, empty)),
    );
    const names = sqlNames(
      rel.columns.map((c) => ({ want: c.name, sql: '' })),
      new Map(),
      false,
    );
    const columns = rel.columns.map((c, i) => ({ ...c, sqlName: names[i]! }));
    const alias = this.alias();
    if (rows.length > 0)
      return this.passThrough(this.rowsSource(rows, names, alias), alias, columns);

    const nulls = columns.map((c) => ({ sql: this.x.typedNull(c.type), alias: c.sqlName }));
    const none = this.render({ items: nulls, from: '' }).replace(/ FROM $/, ' LIMIT 0');
    return this.passThrough(`(${none}) AS ${alias}`, alias, columns);
  }

  private filter(rel: Filter): Compiled {
    const input = this.relation(rel.input);
    const s = input.select;
    const target =
      s.groupBy || s.distinct || s.limitBy || s.limit !== undefined ? this.wrap(input) : input;
    const predicate = this.x.inScope(rel.predicate, itemScope(target));
    const where = [...(target.select.where ?? []), predicate];
    return { ...target, select: { ...target.select, where } };
  }

  private project(rel: Project): Compiled {
    const input = this.relation(rel.input);
    const target = input.select.distinct ? this.wrap(input) : input;
    const types = schemaOf(rel);
    const scope = itemScope(target);
    const outputs = rel.columns.map((c, i) => ({
      name: c.name,
      type: types[i]!.type,
      sql: this.x.inScope(c.expr, scope),
    }));
    return this.replaceItems(target, outputs, orderThrough(target.order, rel.columns));
  }

  private aggregate(rel: Aggregate): Compiled {
    const input = this.relation(rel.input);
    const s = input.select;
    const merge = !s.groupBy && !s.distinct && !s.limitBy && s.limit === undefined;
    const target = merge ? input : this.wrap(input);
    const scope = itemScope(target);

    const keys = rel.keys.map((k) => this.x.inScope(k.expr, scope));
    const sql = [...keys, ...rel.aggregations.flatMap((a) => this.aggregation(a, scope))];
    const outputs = schemaOf(rel).map((c, i) => ({ ...c, sql: sql[i]! }));
    const base: Omit<Select, 'items'> = {
      from: target.select.from,
      ...(target.select.where ? { where: target.select.where } : {}),
      ...(keys.length > 0 ? { groupBy: keys } : {}),
    };
    return this.select(base, target.from, outputs);
  }

  private sort(rel: Sort): Compiled {
    return this.ordered(this.relation(rel.input), rel.keys);
  }

  private limit(rel: Limit): Compiled {
    const input = this.relation(rel.input);
    const count = Math.min(rel.count, input.select.limit ?? rel.count);
    return { ...input, select: { ...input.select, limit: count } };
  }

  private topN(rel: TopN): Compiled {
    const sorted = this.ordered(this.relation(rel.input), rel.keys);
    return { ...sorted, select: { ...sorted.select, limit: rel.count } };
  }

  private distinct(rel: Distinct): Compiled {
    const input = this.relation(rel.input);
    const s = input.select;
    const target = s.groupBy || s.limitBy || s.limit !== undefined ? this.wrap(input) : input;
    const { orderBy: _dropped, ...select } = target.select;
    return { select: { ...select, distinct: true }, columns: target.columns, from: target.from };
  }

  private union(rel: Union): Compiled {
    const columns = unionColumns(rel);
    const branches = rel.inputs.map((input, i) => {
      const compiled = this.relation(input);
      const bare = this.bare(compiled);
      const scope = itemScope(bare);
      const label = rel.source?.labels[i];
      const outputs = columns.map((c) => ({
        name: c.name,
        type: c.type,
        sql: this.unionCell(c, label, scope),
      }));
      return this.replaceItems(bare, outputs, undefined);
    });

    const alias = this.alias();
    const body = branches.map((b) => this.render(b.select)).join(' UNION ALL ');
    const first = branches[0]!;
    return this.passThrough(`(${body}) AS ${alias}`, alias, first.columns);
  }

  /** One cell of a union branch: the input's column, the source label, or a typed null. */
  private unionCell(
    column: { name: string; type: ScalarType; source: string | undefined },
    label: string | undefined,
    scope: Scope,
  ): string {
    if (column.source === undefined)
      return this.x.inScope({ kind: 'Literal', type: 'string', value: label ?? null }, scope);
    const own = scope.get(column.source);
    return own && own.type === column.type ? own.sql : this.x.typedNull(column.type);
  }
}

/** The order of a projection's output, when the sort columns pass through it unchanged. */
function orderThrough(
  order: readonly SortKey[] | undefined,
  columns: readonly NamedExpr[],
): readonly SortKey[] | undefined {
  if (!order) return undefined;
  const kept = (name: string) =>
    columns.find((c) => c.expr.kind === 'ColumnRef' && c.expr.name === name)?.name;
  const keys = order.map((k) => {
    if (k.expr.kind !== 'ColumnRef') return undefined;
    const name = kept(k.expr.name);
    return name === undefined ? undefined : { ...k, expr: { kind: 'ColumnRef' as const, name } };
  });
  return keys.every((k) => k !== undefined) ? keys : undefined;
}
