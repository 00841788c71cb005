/**
 * The store's catalog for the query binders: the vendor views, read from the store's own
 * installed configuration and the tables it keeps whole.
 */
import type { DuckDBEngine } from '../engine/duckdb/engine.js';
import { catalogOf, type Catalog, type CatalogTable } from '../plan/catalog.js';
import type { CatalogView } from './views/catalog.js';
import { viewCatalog } from './views/install.js';

/** The catalog of the store `engine` has open. */
export async function storeCatalog(engine: DuckDBEngine): Promise<Catalog> {
  return catalogOf((await viewCatalog(engine)).map(tableOf));
}

/** A view as the binders see it. */
export function tableOf(view: CatalogView): CatalogTable {
  const columns = view.columns.map((c) =>
    c.sqlName === c.name
      ? { name: c.name, type: c.type }
      : { name: c.name, type: c.type, sqlName: c.sqlName },
  );
  const table = { name: view.name, columns, timeColumn: view.timeColumn };
  return view.schema === 'main' ? table : { ...table, namespace: view.schema };
}
