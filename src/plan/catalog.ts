/**
 * The catalog binders resolve table names against: every table and view a query may read, its
 * columns with their Kusto types, and the column that times its rows.
 */
import type { ScanColumn } from './relation.js';

/** A table or view a query may name. */
export interface CatalogTable {
  /** As a query names it: `SecurityEvent`, `windows`. */
  readonly name: string;
  /** The store's schema holding it (`splunk`), when not the default one. */
  readonly namespace?: string;
  readonly columns: readonly ScanColumn[];
  /** The column that times its rows (`TimeGenerated`, `Timestamp`, `_time`), when it has one. */
  readonly timeColumn?: string;
}

/** What a binder can look up. */
export interface Catalog {
  /** The table a query names, in its namespace (default: the main one). */
  table(name: string, namespace?: string): CatalogTable | undefined;
  /** Every table, for suggestions in diagnostics. */
  tables(): readonly CatalogTable[];
}

/** A catalog over a fixed list of tables. Names are case-sensitive, as in Kusto. */
export function catalogOf(tables: readonly CatalogTable[]): Catalog {
  const byName = new Map(tables.map((t) => [key(t.name, t.namespace), t]));
  return {
    table: (name, namespace) => byName.get(key(name, namespace)),
    tables: () => tables,
  };
}

function key(name: string, namespace: string | undefined): string {
  return namespace ? `${namespace}.${name}` : name;
}
