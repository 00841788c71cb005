/**
 * Test helpers for a real ClickHouse: a server started for the tests (or one already running),
 * and simple tables filled with rows.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Duration, Instant, type Value } from '../../src/engine/engine.js';
import type { ClickHouseHttp } from '../../src/engine/clickhouse/http.js';
import type { ScalarType } from '../../src/plan/types.js';
import { REPO } from './store.js';

/** A server the tests may use. */
export interface ClickHouseServer {
  /** The HTTP endpoint, as the `default` user (no password: for setup). */
  readonly url: string;
  /** The same endpoint as `quarry_reader`, whose profile has `readonly=1`. */
  readonly readerUrl: string;
  /** True when the helper started the server, so `stop` really stops it. */
  readonly started: boolean;
  /** Stops a server the helper started and removes its folder; does nothing otherwise. */
  stop(): Promise<void>;
}

/** A column of a fixture table: a name and the Kusto type its values have. */
export interface FixtureColumn {
  readonly name: string;
  readonly type: ScalarType;
}

/** A fixture table: its columns and its rows, each row a value per column. */
export interface FixtureTable {
  readonly name: string;
  readonly columns: readonly FixtureColumn[];
  readonly rows: readonly (readonly Value[])[];
}

const SCRIPT = join(REPO, 'scripts', 'clickhouse.sh');

/** Folders of servers this process started and has not stopped yet. */
const running = new Set<string>();

/** Signals after which the servers are stopped before the process ends as the signal says. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The ClickHouse type a fixture column of each Kusto type is stored as. */
const CLICKHOUSE_TYPE = {
  bool: 'UInt8',
  int: 'Int32',
  long: 'Int64',
  real: 'Float64',
  decimal: 'Decimal(38, 10)',
  datetime: "DateTime('UTC')",
  timespan: 'Int64',
  string: 'String',
  guid: 'UUID',
  dynamic: 'String',
} satisfies Record<ScalarType, string>;

/**
 * Where the ClickHouse server binary is (`QUARRY_CLICKHOUSE_SERVER` when set, as for the
 * script), or `undefined` when it is not installed.
 */
export function clickHouseServerBinary(): string | undefined {
  const chosen = process.env['QUARRY_CLICKHOUSE_SERVER'];
  if (chosen) return isExecutable(chosen) ? chosen : undefined;

  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/bin'];
  return dirs
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'clickhouse-server'))
    .find((path) => isExecutable(path));
}

/** A skip reason when no ClickHouse can be had, for `describe(..., { skip })`. */
export const NO_CLICKHOUSE: string | false =
  process.env['QUARRY_CLICKHOUSE'] || clickHouseServerBinary()
    ? false
    : 'clickhouse-server is not installed';

/**
 * A ClickHouse server for a test file: the one `QUARRY_CLICKHOUSE` points to when set (its
 * reader from `QUARRY_CLICKHOUSE_READER`, else the same URL as `quarry_reader`), else a new
 * single server started with `scripts/clickhouse.sh` in a temporary folder on free ports.
 *
 * @returns the server, or `undefined` when `clickhouse-server` is not installed.
 * @throws Error with the script's output when an installed server fails to start.
 */
export async function withClickHouse(): Promise<ClickHouseServer | undefined> {
  const given = process.env['QUARRY_CLICKHOUSE'];
  if (given) {
    const readerUrl = process.env['QUARRY_CLICKHOUSE_READER'] || asReader(given);
    return { url: given, readerUrl, started: false, stop: async () => {} };
  }
  if (!clickHouseServerBinary()) return undefined;

  const home = await mkdtemp(join(tmpdir(), 'quarry-clickhouse-'));
  const env = { QUARRY_CLICKHOUSE_HOME: home, QUARRY_CLICKHOUSE_PORT: String(await freePorts()) };
  const stop = async () => {
    await runScript(['stop'], env);
    untrack(home);
    await rm(home, { recursive: true, force: true });
  };

  track(home);
  try {
    const url = (await runScript(['start', '1'], env)).split('\n')[0]!.trim();
    return { url, readerUrl: asReader(url), started: true, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

/**
 * Creates each table anew (dropping one of the same name) as a `MergeTree`, and inserts its
 * rows. A column holding a null is `Nullable`; `datetime` values are whole seconds in UTC,
 * `timespan` values are nanoseconds, `bool` values are `UInt8` (18.16 has no boolean type), and
 * `dynamic` values are stored as JSON text.
 */
export async function createFixtureTables(
  client: ClickHouseHttp,
  tables: readonly FixtureTable[],
): Promise<void> {
  for (const table of tables) {
    await client.execute(`DROP TABLE IF EXISTS ${quoteName(table.name)}`);
    await client.execute(createStatement(table));
    if (table.rows.length > 0) await client.execute(insertStatement(table));
  }
}

/** Remembers a started server, so that it is stopped even if the tests end abruptly. */
function track(home: string): void {
  if (running.size === 0) {
    process.on('exit', stopAllNow);
    for (const signal of ENDING_SIGNALS) process.on(signal, endBySignal);
  }
  running.add(home);
}

function untrack(home: string): void {
  running.delete(home);
  if (running.size > 0) return;
  process.off('exit', stopAllNow);
  for (const signal of ENDING_SIGNALS) process.off(signal, endBySignal);
}

function stopAllNow(): void {
  for (const home of running) {
    spawnSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, QUARRY_CLICKHOUSE_HOME: home } });
    rmSync(home, { recursive: true, force: true });
  }
  running.clear();
}

function endBySignal(signal: NodeJS.Signals): void {
  stopAllNow();
  for (const ending of ENDING_SIGNALS) process.off(ending, endBySignal);
  process.kill(process.pid, signal);
}

function createStatement(table: FixtureTable): string {
  const columns = table.columns.map((column, i) => {
    const type = CLICKHOUSE_TYPE[column.type];
    const nullable = table.rows.some((row) => row[i] === null || row[i] === undefined);
    return `${quoteName(column.name)} ${nullable ? `Nullable(${type})` : type}`;
  });
  const name = quoteName(table.name);
  return `CREATE TABLE ${name} (${columns.join(', ')}) ENGINE = MergeTree() ORDER BY tuple()`;
}

function insertStatement(table: FixtureTable): string {
  const lines = table.rows.map((row) =>
    JSON.stringify(
      Object.fromEntries(table.columns.map((c, i) => [c.name, encode(row[i] ?? null, c.type)])),
    ),
  );
  return `INSERT INTO ${quoteName(table.name)} FORMAT JSONEachRow\n${lines.join('\n')}\n`;
}

/** A value as JSONEachRow input for its column's type. */
function encode(value: Value, type: ScalarType): unknown {
  if (value === null) return null;
  if (type === 'dynamic') return JSON.stringify(value, (_, v) => bigintAsText(v));
  if (value instanceof Instant) return new Date(value.epochMs).toISOString().slice(0, 19);
  if (value instanceof Duration) return value.ns.toString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return bigintAsText(value);
}

function bigintAsText(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function quoteName(name: string): string {
  return '`' + name.replace(/[\\`]/g, (ch) => '\\' + ch) + '`';
}

function asReader(url: string): string {
  const reader = new URL(url);
  reader.username = 'quarry_reader';
  reader.password = '';
  return reader.toString().replace(/\/$/, '');
}

/** Runs the script and returns its stdout; rejects with its stderr when it fails. */
function runScript(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [SCRIPT, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`clickhouse.sh ${args.join(' ')} exited with ${code}:\n${err}`));
    });
  });
}

/** A first port such that it and the two after it are free on 127.0.0.1. */
async function freePorts(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + 10 * Math.floor(Math.random() * 1_000);
    const free = await Promise.all([base, base + 1, base + 2].map(isFree));
    if (free.every(Boolean)) return base;
  }
  throw new Error('found no three free ports in 20000-29999 on 127.0.0.1');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
