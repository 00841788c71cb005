/**
 * A view definition as SQL. Column names reach SQL through the compiler's quoter; names that
 * differ only in case (Splunk's `User` and `user`) cannot both be column names in an engine
 * whose names ignore case, so the later ones get a SQL name of their own while the catalog
 * keeps the vendor's spelling.
 */
import { InternalError } from '../../errors.js';
import { lit } from '../../plan/expr.js';
import type { ScalarType } from '../../plan/types.js';
import type { SqlCompiler } from '../../sql/compile.js';
import { EVENTS_TABLE } from '../layout.js';
import type { ViewColumn, ViewDefinition } from './types.js';

/** A view column as the catalog shows it. */
export interface CatalogColumn {
  /** The vendor's spelling. */
  readonly name: string;
  /** The column's name in SQL: the vendor's spelling unless another column differs only in case. */
  readonly sqlName: string;
  readonly type: ScalarType;
}

/**
 * Gives every column a SQL name unique without regard to case: the first of a family of
 * names that differ only in case keeps its spelling, the others get `~2`, `~3` ... appended.
 */
export function catalogColumns(columns: readonly ViewColumn[]): CatalogColumn[] {
  const taken = new Set<string>();
  const exact = new Set<string>();
  return columns.map((column) => {
    if (exact.has(column.name)) throw new InternalError(`column ${column.name} twice`);
    exact.add(column.name);

    let sqlName = column.name;
    for (let n = 2; taken.has(sqlName.toLowerCase()); n++) sqlName = `${column.name}~${n}`;
    taken.add(sqlName.toLowerCase());
    return { name: column.name, sqlName, type: column.type };
  });
}

/** The view's SQL name, with its schema unless it lives in `main`. */
export function qualifiedName(
  view: Pick<ViewDefinition, 'name' | 'schema'>,
  c: SqlCompiler,
): string {
  return view.schema === 'main' ? c.name(view.name) : `${c.name(view.schema)}.${c.name(view.name)}`;
}

/** `SELECT ... FROM events WHERE ... UNION ALL ...` for a view. */
export function viewQuery(view: ViewDefinition, c: SqlCompiler): string {
  if (view.branches.length === 0) throw new InternalError(`view ${view.name} has no branch`);
  const columns = catalogColumns(view.columns);
  const known = new Set(view.columns.map((col) => col.name));

  return view.branches
    .map((branch) => {
      const unknown = Object.keys(branch.values).filter((name) => !known.has(name));
      if (unknown.length > 0) {
        throw new InternalError(`view ${view.name} has no column ${unknown.join(', ')}`);
      }
      const select = columns.map((col) => {
        const value = branch.values[col.name] ?? lit(null, col.type);
        return `${c.compileAs(value, col.type)} AS ${c.name(col.sqlName)}`;
      });
      return (
        `SELECT ${select.join(',\n  ')}\nFROM ${c.name(EVENTS_TABLE)}\n` +
        `WHERE ${c.compile(branch.where)}`
      );
    })
    .join('\nUNION ALL\n');
}

/** The statement that creates or replaces the view. */
export function createViewSql(view: ViewDefinition, c: SqlCompiler): string {
  return `CREATE OR REPLACE VIEW ${qualifiedName(view, c)} AS\n${viewQuery(view, c)}`;
}
