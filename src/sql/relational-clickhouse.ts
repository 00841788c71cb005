/**
 * Plans as ClickHouse SQL that 18.16 and later accept. ClickHouse takes no parameters, so
 * constants are written by the dialect's literal encoder. Its limits shape the SQL:
 *
 * - one join per `SELECT`, over subqueries, matched `USING` key columns computed on both
 *   sides (18.16 mishandles `ON` in outer joins); each side's columns get names the other
 *   side does not have, and a side that may be unmatched is made `Nullable`, so that missing
 *   values read as null rather than as the type's default;
 * - no `SEMI` or `ANTI` joins: a key tuple `IN` or `NOT IN` a subquery (a null key is `NOT
 *   IN` anything, as Kusto's anti join keeps it);
 * - no window functions: `innerunique` keeps one left row per key with `LIMIT 1 BY`;
 * - an alias hides the input column of the same name in the whole `SELECT`, which the base
 *   compiler avoids by naming outputs apart.
 */
import { assertNever, NotSupportedError } from '../errors.js';
import type { Aggregation } from '../plan/aggregation.js';
import type { Expr } from '../plan/expr.js';
import type { Join, JoinKind, Relation } from '../plan/relation.js';
import { joinColumns, schemaOf, typeIn, type JoinColumn } from '../plan/schema.js';
import type { ScalarType } from '../plan/types.js';
import { ClickHouseCompiler } from './clickhouse.js';
import type { CompileOptions } from './compile.js';
import { planExpressions, type PlanExpressionCompiler, type Scope } from './plan-expressions.js';
import { RelationalCompiler, type CompiledPlan } from './relational.js';
import type { Output, Source } from './select-builder.js';
import type { Compiled } from './select.js';

/** ClickHouse's expression compiler for plans: constants written as SQL text. */
export const ClickHousePlanExpressions = planExpressions(ClickHouseCompiler, undefined);

/** Compiles a plan to one ClickHouse statement. */
export function compileClickHouse(rel: Relation, options: CompileOptions = {}): CompiledPlan {
  return new ClickHouseRelational(new ClickHousePlanExpressions(options)).compile(rel);
}

const JOIN_SQL = {
  inner: 'ALL INNER JOIN',
  innerunique: 'ALL INNER JOIN',
  leftouter: 'ALL LEFT OUTER JOIN',
  rightouter: 'ALL RIGHT OUTER JOIN',
  fullouter: 'ALL FULL OUTER JOIN',
} satisfies Partial<Record<JoinKind, string>>;

/** The join kinds that keep the columns of both sides. */
type BothSides = keyof typeof JOIN_SQL;

/** The relational compiler for ClickHouse. */
export class ClickHouseRelational extends RelationalCompiler {
  constructor(x: PlanExpressionCompiler) {
    super(x, true);
  }

  protected rowsSource(rows: readonly string[][], names: readonly string[], alias: string): string {
    const selects = rows.map(
      (row) => `SELECT ${row.map((cell, i) => `${cell} AS ${this.x.name(names[i]!)}`).join(', ')}`,
    );
    return `(${selects.join(' UNION ALL ')}) AS ${alias}`;
  }

  protected aggregation(agg: Aggregation, scope: Scope): string[] {
    if (agg.fn === 'count')
      return [agg.arg ? `count(${this.x.inScope(agg.arg, scope)})` : 'count()'];
    const arg = this.x.inScope(agg.arg, scope);
    switch (agg.fn) {
      case 'countif':
        return [`countIf(${arg})`];
      case 'dcount':
        return [`uniqExact(${arg})`];
      case 'sum':
      case 'avg':
      case 'min':
      case 'max':
      case 'any':
        return [`${agg.fn}(${arg})`];
      case 'arg_max':
      case 'arg_min': {
        // One pick of the whole row, so that every returned value comes from the same row.
        const row = agg.returns.map((r) => this.x.inScope(r.expr, scope)).join(', ');
        const pick = `${agg.fn === 'arg_max' ? 'argMax' : 'argMin'}(tuple(${row}), ${arg})`;
        const extreme = `${agg.fn === 'arg_max' ? 'max' : 'min'}(${arg})`;
        return [extreme, ...agg.returns.map((_, i) => `tupleElement(${pick}, ${i + 1})`)];
      }
      case 'make_set':
        return [
          agg.maxSize === undefined
            ? `groupUniqArray(${arg})`
            : `arraySlice(groupUniqArray(${arg}), 1, ${agg.maxSize})`,
        ];
      case 'make_list':
        return [
          agg.maxSize === undefined ? `groupArray(${arg})` : `groupArray(${agg.maxSize})(${arg})`,
        ];
      default:
        return assertNever(agg, 'aggregation');
    }
  }

  protected join(rel: Join, left: Compiled, right: Compiled): Compiled {
    switch (rel.join) {
      case 'leftsemi':
      case 'leftanti':
      case 'rightsemi':
      case 'rightanti':
        return this.semiJoin(rel, left, right);
      case 'inner':
      case 'innerunique':
      case 'leftouter':
      case 'rightouter':
      case 'fullouter':
        return this.equiJoin(rel, rel.join, left, right);
      default:
        return assertNever(rel.join, 'join kind');
    }
  }

  /** ClickHouse 18.16 cannot read the elements of a JSON array. */
  protected unnest(): Compiled {
    throw new NotSupportedError('mv-expand', 'on clickhouse');
  }

  /** Semi and anti joins: the kept side's rows whose key tuple is (or is not) in the other's. */
  private semiJoin(rel: Join, left: Compiled, right: Compiled): Compiled {
    const mirrored = rel.join === 'rightsemi' || rel.join === 'rightanti';
    const anti = rel.join === 'leftanti' || rel.join === 'rightanti';
    // The kept side is read as a subquery: a distributed table in this `FROM` would send the
    // `IN` subquery to every shard, which ClickHouse refuses for distributed subqueries.
    const kept = this.source(mirrored ? right : left);
    const probed = mirrored ? left : right;
    const other = this.plainTable(probed) ?? this.source(probed);

    const types = rel.on.map((c) => typeIn(c.left, schemaOf(rel.left)));
    const keyOf = (side: Source, pick: 'left' | 'right') =>
      rel.on.map((c, i) => this.key(c[pick], types[i]!, side.scope));
    const keptKeys = keyOf(kept, mirrored ? 'right' : 'left');
    const otherKeys = keyOf(other, mirrored ? 'left' : 'right');

    const tuple = keptKeys.length === 1 ? keptKeys[0]! : `(${keptKeys.join(', ')})`;
    const probe = `SELECT ${otherKeys.join(', ')} FROM ${other.sql}`;
    const where = `${tuple} ${anti ? 'NOT IN' : 'IN'} (${probe})`;
    const outputs = joinColumns(rel).map((c) => ({ ...c, sql: kept.scope.get(c.source)!.sql }));
    return this.select({ from: kept.sql, where: [where] }, kept.refs, outputs);
  }

  /**
   * Joins that keep both sides' columns, matched on key columns of the same names. ClickHouse
   * loses right rows whose key is null, so keys are never null: each key column holds the
   * key's value or a default, and one more column marks a row with a null key, 1 on the left
   * and 2 on the right, so that such rows match nothing and are kept where unmatched rows are.
   */
  private equiJoin(rel: Join, kind: BothSides, left: Compiled, right: Compiled): Compiled {
    const columns = joinColumns(rel);
    const keyNames = this.keyNames(rel.on.length + 1, columns);
    const types = rel.on.map((c) => typeIn(c.left, schemaOf(rel.left)));
    const nullable = (side: 'left' | 'right') =>
      kind === 'fullouter' || kind === (side === 'left' ? 'rightouter' : 'leftouter');

    const side = (s: 'left' | 'right', input: Compiled, reserved: readonly string[]) => {
      const source = this.plainTable(input) ?? this.source(input);
      const own = columns.filter((c) => c.side === s);
      const keys = rel.on.map((c, i) => this.key(c[s], types[i]!, source.scope));
      const anyNull = keys.map((k) => `isNull(${k})`).join(' OR ');
      const nulls = `toUInt8((${anyNull}) * ${s === 'left' ? 1 : 2})`;
      const outputs: Output[] = [
        ...own.map((c) => this.sideColumn(c, source.scope, nullable(s))),
        ...keys.map((k, i) => ({
          name: keyNames[i]!,
          type: types[i]!,
          sql: `assumeNotNull(${k})`,
        })),
        { name: keyNames[keys.length]!, type: 'int', sql: nulls },
      ];
      const compiled = this.select({ from: source.sql }, source.refs, outputs, reserved);
      if (s !== 'left' || kind !== 'innerunique') return compiled;
      const limitBy = { count: 1, keys: compiled.select.items.slice(own.length).map((i) => i.sql) };
      return { ...compiled, select: { ...compiled.select, limitBy } };
    };

    const leftSide = side('left', left, []);
    const leftNames = leftSide.columns.slice(0, -keyNames.length).map((c) => c.sqlName);
    const rightSide = side('right', right, leftNames);
    const l = this.sourceOf(this.render(leftSide.select), leftSide.columns);
    const r = this.sourceOf(this.render(rightSide.select), rightSide.columns);

    const using = keyNames.map((k) => this.x.name(k)).join(', ');
    const from = `${l.sql} ${JOIN_SQL[kind]} ${r.sql} USING (${using})`;
    const outputs = columns.map((c) => {
      const sideColumns = c.side === 'left' ? leftSide.columns : rightSide.columns;
      const sqlName = sideColumns.find((x) => x.name === c.name)!.sqlName;
      return { ...c, want: sqlName, sql: this.ref(c.side === 'left' ? l.alias : r.alias, sqlName) };
    });
    return this.select({ from }, new Map(), outputs);
  }

  /** A side's column, made `Nullable` when the side may have no match. */
  private sideColumn(column: JoinColumn, scope: Scope, nullable: boolean): Output {
    const sql = scope.get(column.source)!.sql;
    return { name: column.name, type: column.type, sql: nullable ? `toNullable(${sql})` : sql };
  }

  /** A join key, of one type on both sides as `USING` and `IN` need. */
  private key(expr: Expr, type: ScalarType, scope: Scope): string {
    return `CAST(${this.x.inScope(expr, scope)} AS ${this.x.dialect.typeName(type)})`;
  }

  /** Names for the key columns, the null marker last, that no output column has. */
  private keyNames(count: number, columns: readonly JoinColumn[]): string[] {
    const taken = new Set(columns.map((c) => c.name.toLowerCase()));
    return Array.from({ length: count }, (_, i) => {
      let name = i === count - 1 ? '~nulls' : `~key${i + 1}`;
      while (taken.has(name.toLowerCase())) name = `~${name}`;
      return name;
    });
  }
}
