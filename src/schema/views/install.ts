/**
 * Creating the vendor views in a DuckDB store, and reading back what they are. The installer
 * records the configuration it used, so the catalog describes the views as installed.
 */
import type { DuckDBEngine } from '../../engine/duckdb/engine.js';
import { InputError } from '../../errors.js';
import { DuckDBCompiler } from '../../sql/duckdb.js';
import { catalogOf, viewDefinitions, type CatalogView } from './catalog.js';
import { createViewSql } from './compile-view.js';
import type { TableColumn } from './kept-tables.js';
import { DEFAULT_VIEW_CONFIG, type ViewConfig, type WindowsSourcetype } from './types.js';

/** The `_meta` key the installed configuration is kept under. */
const CONFIG_KEY = 'views';

const SOURCETYPES: readonly WindowsSourcetype[] = ['XmlWinEventLog', 'WinEventLog'];

/**
 * Creates or replaces every view: the Sentinel and Defender tables, the Splunk indexes (in
 * schema `splunk`) and a view per other table kept whole. Splunk views of indexes no longer
 * configured are dropped. The store's layout must exist (`ensureLayout`); the caller holds no
 * transaction, as this opens and commits its own.
 */
export async function installViews(
  engine: DuckDBEngine,
  config: ViewConfig = DEFAULT_VIEW_CONFIG,
): Promise<void> {
  checkConfig(config);
  const compiler = new DuckDBCompiler();
  const views = viewDefinitions(config, await readTableColumns(engine));

  await engine.execute('BEGIN TRANSACTION');
  try {
    await engine.execute(`CREATE SCHEMA IF NOT EXISTS ${compiler.name('splunk')}`);
    await dropStaleSplunkViews(
      engine,
      compiler,
      views.filter((v) => v.schema === 'splunk').map((v) => v.name),
    );
    for (const view of views) await engine.execute(createViewSql(view, compiler));
    await engine.execute(`INSERT OR REPLACE INTO _meta VALUES (?, ?)`, [
      CONFIG_KEY,
      JSON.stringify(config),
    ]);
    await engine.execute('COMMIT');
  } catch (error) {
    await engine.execute('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Every view with its columns and their Kusto types, for `quarry tables` and the binders. */
export async function viewCatalog(engine: DuckDBEngine): Promise<CatalogView[]> {
  const config = await installedConfig(engine);
  return catalogOf(viewDefinitions(config, await readTableColumns(engine)));
}

/** The configuration the views were installed with, or the default. */
export async function installedConfig(engine: DuckDBEngine): Promise<ViewConfig> {
  const found = await engine.query(`SELECT value FROM _meta WHERE key = ?`, [CONFIG_KEY]);
  const text = found.rows[0]?.[0];
  return typeof text === 'string' ? (JSON.parse(text) as ViewConfig) : DEFAULT_VIEW_CONFIG;
}

async function readTableColumns(engine: DuckDBEngine): Promise<TableColumn[]> {
  const result = await engine.query(
    `SELECT table_name, column_name, json_type FROM _table_columns ORDER BY table_name, rowid`,
  );
  return result.rows.map(([table, column, jsonType]) => ({
    table: String(table),
    column: String(column),
    jsonType: String(jsonType),
  }));
}

async function dropStaleSplunkViews(
  engine: DuckDBEngine,
  compiler: DuckDBCompiler,
  keep: readonly string[],
): Promise<void> {
  const found = await engine.query(
    `SELECT view_name FROM duckdb_views() WHERE schema_name = ? AND NOT internal`,
    ['splunk'],
  );
  for (const [name] of found.rows) {
    if (keep.includes(String(name))) continue;
    await engine.execute(
      `DROP VIEW IF EXISTS ${compiler.name('splunk')}.${compiler.name(String(name))}`,
    );
  }
}

function checkConfig(config: ViewConfig): void {
  const { sourcetype } = config.splunk;
  if (!SOURCETYPES.includes(sourcetype)) {
    throw new InputError(
      `unknown Windows sourcetype '${sourcetype}': use ${SOURCETYPES.join(' or ')}`,
    );
  }
}
