/**
 * The building blocks of the relational compiler: aliases, `SELECT`s and their SQL names,
 * subqueries, sorting, and the result's final names.
 */
import type { SortKey } from '../plan/relation.js';
import type { ScalarType } from '../plan/types.js';
import type { PlanExpressionCompiler, Scope } from './plan-expressions.js';
import {
  itemScope,
  renderSelect,
  sqlNames,
  type Compiled,
  type Select,
  type SqlColumn,
} from './select.js';

/** An output column about to be selected. */
export interface Output {
  readonly name: string;
  readonly type: ScalarType;
  readonly sql: string;
  /** The SQL name to give it, when not its plan name. */
  readonly want?: string;
}

/** A subquery in a `FROM` clause: its text with its alias, and the scope that reads it. */
export interface Source {
  readonly sql: string;
  readonly alias: string;
  /** The subquery's columns by plan name. */
  readonly scope: Scope;
  /** The subquery's columns by SQL name: the SQL that reads each. */
  readonly refs: ReadonlyMap<string, string>;
}

/** Subquery aliases, `SELECT`s and subqueries, for the relational compiler. */
export abstract class SelectBuilder {
  private aliases = 0;

  /**
   * @param x the expression compiler, used for one plan only (it collects its parameters).
   * @param shadowing whether an alias hides the input column of the same name in the whole
   *   `SELECT`, as in ClickHouse.
   */
  constructor(
    protected readonly x: PlanExpressionCompiler,
    protected readonly shadowing: boolean,
  ) {}

  /** `compiled` as a subquery to read from. */
  protected source(compiled: Compiled): Source {
    return this.sourceOf(this.render(compiled.select), compiled.columns);
  }

  /**
   * The table `compiled` reads, when it reads nothing else: every column as it is, in a
   * `SELECT` without other clauses. A join can then read the table itself.
   */
  protected plainTable(compiled: Compiled): Source | undefined {
    const { items, from, ...clauses } = compiled.select;
    const match = / AS (q[0-9]+)$/.exec(from);
    const bare = Object.values(clauses).every((v) => v === undefined);
    if (!match || from.startsWith('(') || !bare) return undefined;
    const alias = match[1]!;
    const plain = compiled.columns.every(
      (c, i) => items[i]!.alias === c.sqlName && items[i]!.sql === this.ref(alias, c.sqlName),
    );
    if (!plain) return undefined;
    const scope = new Map(
      compiled.columns.map((c, i) => [c.name, { sql: items[i]!.sql, type: c.type }]),
    );
    const refs = new Map(compiled.columns.map((c, i) => [c.sqlName, items[i]!.sql]));
    return { sql: from, alias, scope, refs };
  }

  /** The query `sql`, whose columns are `columns`, as a subquery to read from. */
  protected sourceOf(sql: string, columns: readonly SqlColumn[]): Source {
    const alias = this.alias();
    const scope = new Map(
      columns.map((c) => [c.name, { sql: this.ref(alias, c.sqlName), type: c.type }]),
    );
    const refs = new Map(columns.map((c) => [c.sqlName, this.ref(alias, c.sqlName)]));
    return { sql: `(${sql}) AS ${alias}`, alias, scope, refs };
  }

  /** A fresh subquery alias: `q1`, `q2` ... */
  protected alias(): string {
    this.aliases += 1;
    return `q${this.aliases}`;
  }

  /** `alias.name`, quoted. */
  protected ref(alias: string, name: string): string {
    return `${alias}.${this.x.name(name)}`;
  }

  /** The `SELECT` as SQL text. */
  protected render(select: Select): string {
    return renderSelect(select, (n) => this.x.name(n));
  }

  /** A `SELECT` of `outputs` with the other clauses of `base`. */
  protected select(
    base: Omit<Select, 'items'>,
    from: ReadonlyMap<string, string>,
    outputs: readonly Output[],
    reserved: Iterable<string> = [],
  ): Compiled {
    const wanted = outputs.map((o) => ({ want: o.want ?? o.name, sql: o.sql }));
    const names = sqlNames(wanted, from, this.shadowing, reserved);
    const items = outputs.map((o, i) => ({ sql: o.sql, alias: names[i]! }));
    const columns = outputs.map((o, i) => ({ name: o.name, type: o.type, sqlName: names[i]! }));
    return { select: { ...base, items }, columns, from };
  }

  /** `compiled` with other output columns, its other clauses kept. */
  protected replaceItems(
    compiled: Compiled,
    outputs: readonly Output[],
    order: readonly SortKey[] | undefined,
  ): Compiled {
    const { items: _replaced, ...base } = compiled.select;
    const result = this.select(base, compiled.from, outputs);
    return order ? { ...result, order } : result;
  }

  /** Every column of `columns`, read as `alias.sqlName` from `from`. */
  protected passThrough(from: string, alias: string, columns: readonly SqlColumn[]): Compiled {
    const refs = new Map(columns.map((c) => [c.sqlName, this.ref(alias, c.sqlName)]));
    const items = columns.map((c) => ({ sql: refs.get(c.sqlName)!, alias: c.sqlName }));
    return { select: { items, from }, columns, from: refs };
  }

  /** `compiled` as a subquery, read by a new `SELECT` that sorts again if it was sorted. */
  protected wrap(compiled: Compiled): Compiled {
    const alias = this.alias();
    const outer = this.passThrough(
      `(${this.render(compiled.select)}) AS ${alias}`,
      alias,
      compiled.columns,
    );
    return compiled.order ? this.ordered(outer, compiled.order) : outer;
  }

  /** `compiled`, wrapped unless its `SELECT` has only items, a source and a filter. */
  protected bare(compiled: Compiled): Compiled {
    const s = compiled.select;
    const plain = !s.groupBy && !s.distinct && !s.limitBy && s.limit === undefined && !s.orderBy;
    return plain ? { ...compiled, order: undefined } : this.wrap({ ...compiled, order: undefined });
  }

  /** `compiled` sorted by `keys`, which read its output columns. */
  protected ordered(compiled: Compiled, keys: readonly SortKey[]): Compiled {
    const s = compiled.select;
    const target =
      s.distinct || s.limitBy || s.limit !== undefined ? this.wrap(compiled) : compiled;
    const scope = itemScope(target);
    const orderBy = keys.map((k) => {
      const direction = k.descending ? 'DESC' : 'ASC';
      const nulls = k.nullsFirst ? 'FIRST' : 'LAST';
      return `${this.x.inScope(k.expr, scope)} ${direction} NULLS ${nulls}`;
    });
    return { ...target, select: { ...target.select, orderBy }, order: keys };
  }

  /**
   * The relation with its SQL names made the plan's names, for the statement's result. Where
   * an alias would hide an input column that another output reads, the columns are first
   * renamed to names nothing else has.
   */
  protected finish(compiled: Compiled): Compiled {
    if (compiled.columns.every((c) => c.sqlName === c.name)) return compiled;
    const outer = this.wrap(compiled);
    const hides = (c: SqlColumn, i: number) =>
      outer.from.has(c.name) && outer.from.get(c.name) !== outer.select.items[i]!.sql;
    if (!this.shadowing || !outer.columns.some(hides)) return this.renamed(outer, (c) => c.name);

    const planNames = compiled.columns.map((c) => c.name);
    const fresh = sqlNames(
      outer.columns.map((_, i) => ({ want: `~${i + 1}`, sql: '' })),
      new Map(),
      false,
      [...planNames, ...outer.from.keys()],
    );
    return this.renamed(this.wrap(this.renamed(outer, (_, i) => fresh[i]!)), (c) => c.name);
  }

  /** `compiled` with each column's SQL name replaced, its order kept. */
  private renamed(
    compiled: Compiled,
    name: (column: SqlColumn, index: number) => string,
  ): Compiled {
    const columns = compiled.columns.map((c, i) => ({ ...c, sqlName: name(c, i) }));
    const items = compiled.select.items.map((item, i) => ({ ...item, alias: columns[i]!.sqlName }));
    return { ...compiled, select: { ...compiled.select, items }, columns };
  }
}
