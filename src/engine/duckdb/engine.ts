/**
 * The embedded engine: DuckDB through `@duckdb/node-api`.
 */
import type { DuckDBConnection, DuckDBInstance, DuckDBResultReader } from '@duckdb/node-api';
import { QuarryError } from '../../errors.js';
import type { Engine, Param, ResultColumn, ResultSet } from '../engine.js';
import { openInstance, type OpenOptions } from './open.js';
import { scalarTypeOf, toValue } from './values.js';

/** An error DuckDB raised while running a statement. */
export class QueryError extends QuarryError {}

/** DuckDB as an `Engine`. */
export class DuckDBEngine implements Engine {
  readonly name = 'duckdb' as const;
  private sealed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  /** Opens the store; see `OpenOptions`. */
  static async open(options: OpenOptions): Promise<DuckDBEngine> {
    const instance = await openInstance(options);
    const connection = await instance.connect();
    const engine = new DuckDBEngine(instance, connection, options.path);
    if (options.allowedDirectories) {
      await engine.seal(options.allowedDirectories);
    }
    return engine;
  }

  /**
   * Closes the door on everything outside the store: no file or network access (but for
   * `allowed`), no extension installs or loads, and no further configuration changes.
   */
  async seal(allowed: readonly string[] = []): Promise<void> {
    if (this.sealed) return;
    const dirs = allowed.map((d) => `'${d.replaceAll("'", "''")}'`).join(', ');
    if (allowed.length > 0) await this.connection.run(`SET allowed_directories = [${dirs}]`);
    await this.connection.run('SET enable_external_access = false');
    await this.connection.run('SET autoinstall_known_extensions = false');
    await this.connection.run('SET autoload_known_extensions = false');
    await this.connection.run('SET lock_configuration = true');
    this.sealed = true;
  }

  async query(sql: string, params: readonly Param[] = []): Promise<ResultSet> {
    const reader = await this.run(sql, params);
    return readResult(reader);
  }

  async execute(sql: string, params: readonly Param[] = []): Promise<void> {
    await this.run(sql, params);
  }

  /** Runs a statement and returns DuckDB's reader, for callers that need row counts. */
  async run(sql: string, params: readonly Param[] = []): Promise<DuckDBResultReader> {
    try {
      return await this.connection.runAndReadAll(sql, params.length ? [...params] : undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new QueryError(message, { cause: error });
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function readResult(reader: DuckDBResultReader): ResultSet {
  const columns: ResultColumn[] = reader.columnNames().map((name, i) => ({
    name,
    type: scalarTypeOf(reader.columnType(i)),
  }));
  const rows = reader.getRows().map((row) => row.map((v, i) => toValue(v, columns[i]!.type)));
  return { columns, rows };
}
