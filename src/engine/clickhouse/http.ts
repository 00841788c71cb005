/**
 * A small client for ClickHouse's HTTP interface that works with servers from 18.16 on: it
 * sends one statement per request, reads results in the `JSONCompact` format (which 18.16 has),
 * and converts them to Quarry's values and Kusto types.
 */
import { NotSupportedError, QuarryError } from '../../errors.js';
import type { ResultColumn, ResultSet, Value } from '../engine.js';
import { ClickHouseError, firstLine, readServerError } from './errors.js';
import { post, type PostAnswer, type PostTarget } from './transport.js';
import { parseClickHouseType, scalarTypeOfClickHouse, type ClickHouseType } from './types.js';
import { needsServerZone, valueReader } from './values.js';

/** How to reach and use a server. */
export interface ClickHouseHttpOptions {
  /** The user; default the URL's user name, else the server's `default` user. */
  readonly user?: string;
  /** The user's password; default the URL's password, else none. */
  readonly password?: string;
  /**
   * Sends every statement with `readonly=1`, so that nothing it runs can write, change a
   * setting or call a table function such as `url()`, whatever the user's profile allows.
   */
  readonly readonly?: boolean;
  /** Milliseconds to wait for the TCP connection (default 5 000). */
  readonly connectTimeoutMs?: number;
  /** Milliseconds for one whole request, connection included (default 300 000). */
  readonly timeoutMs?: number;
  /** The zone the server writes times in; asked of the server once, when needed, if omitted. */
  readonly timeZone?: string;
}

/** A result column, with the ClickHouse type it had on the server. */
export interface ClickHouseColumn extends ResultColumn {
  readonly nativeType: string;
}

/** Rows back from a server, with column names, Kusto types and ClickHouse types. */
export interface ClickHouseResult extends ResultSet {
  readonly columns: readonly ClickHouseColumn[];
}

/** The parts of a `JSONCompact` answer that are read. */
interface JsonCompact {
  readonly meta: readonly { readonly name: string; readonly type: string }[];
  readonly data: readonly (readonly unknown[])[];
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_TIMEOUT_MS = 300_000;

/**
 * A ClickHouse server reached over HTTP.
 *
 * @example
 * const reader = new ClickHouseHttp('http://127.0.0.1:18120', { user: 'quarry_reader' });
 * const { columns, rows } = await reader.query('SELECT count() AS n FROM events');
 */
export class ClickHouseHttp {
  /** The server as messages name it: `http://host:port`, never with credentials. */
  readonly endpoint: string;
  private readonly base: URL;
  private readonly authorization: string | undefined;
  private readonly options: ClickHouseHttpOptions;
  private zone: Promise<string> | undefined;

  /**
   * @param url the server's HTTP interface, `http://host:port`; a user and password in it are
   *   used unless `options` names others.
   * @throws QuarryError when `url` is not a URL; NotSupportedError when it is not `http://`.
   */
  constructor(url: string, options: ClickHouseHttpOptions = {}) {
    this.base = parseEndpoint(url);
    this.endpoint = `http://${this.base.host}${this.base.pathname.replace(/\/$/, '')}`;
    this.authorization = basicAuth(
      options.user ?? decodeURIComponent(this.base.username),
      options.password ?? decodeURIComponent(this.base.password),
    );
    this.base.username = '';
    this.base.password = '';
    this.options = options;
    this.zone = options.timeZone === undefined ? undefined : Promise.resolve(options.timeZone);
  }

  /**
   * Runs one statement and returns its rows. The statement must not name a format of its own.
   *
   * @throws ClickHouseError with the server's code and message when the server refuses it;
   *   ClickHouseConnectionError when the server cannot be reached or does not answer in time.
   */
  async query(sql: string): Promise<ClickHouseResult> {
    const answer = await this.send(sql, true);
    return this.decode(readJsonCompact(answer.body, this.endpoint));
  }

  /**
   * Runs one statement for its effect (`CREATE`, `INSERT ... VALUES`, `INSERT ... FORMAT` with
   * its data after the statement).
   *
   * @throws ClickHouseError, ClickHouseConnectionError as `query` does.
   */
  async execute(sql: string): Promise<void> {
    const answer = await this.send(sql, false);
    const cut = answer.body === '' ? undefined : readServerError(answer.body, 'last');
    if (cut) throw new ClickHouseError(this.endpoint, cut.message, cut.code);
  }

  private async send(sql: string, wantsRows: boolean): Promise<PostAnswer> {
    const answer = await post(this.target(wantsRows), sql);
    if (answer.status !== 200) throw this.refusal(answer);
    return answer;
  }

  private target(wantsRows: boolean): PostTarget {
    const url = new URL(this.base);
    if (wantsRows) url.searchParams.set('default_format', 'JSONCompact');
    if (this.options.readonly) url.searchParams.set('readonly', '1');
    return {
      url,
      endpoint: this.endpoint,
      authorization: this.authorization,
      connectTimeoutMs: this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  /** The error a non-200 answer stands for. */
  private refusal(answer: PostAnswer): ClickHouseError {
    const error = readServerError(answer.body);
    if (error) return new ClickHouseError(this.endpoint, error.message, error.code);

    const header = Number(answer.headers['x-clickhouse-exception-code']);
    const code = Number.isInteger(header) ? header : undefined;
    const text = firstLine(answer.body) || 'no message';
    return new ClickHouseError(this.endpoint, `HTTP ${answer.status}: ${text}`, code);
  }

  private async decode(answer: JsonCompact): Promise<ClickHouseResult> {
    const types = answer.meta.map((column) => parseClickHouseType(column.type));
    const zone = types.some(needsServerZone) ? await this.serverZone() : 'UTC';
    const columns = answer.meta.map((column, i) => ({
      name: column.name,
      type: scalarTypeOfClickHouse(types[i]!),
      nativeType: column.type,
    }));

    try {
      return { columns, rows: readRows(answer.data, types, zone) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ClickHouseError(this.endpoint, message, undefined, { cause: error });
    }
  }

  /** The zone the server writes times in, asked once and kept. */
  private serverZone(): Promise<string> {
    this.zone ??= this.query('SELECT timezone()').then((result) => String(result.rows[0]?.[0]));
    this.zone.catch(() => (this.zone = undefined));
    return this.zone;
  }
}

function readRows(
  data: JsonCompact['data'],
  types: readonly ClickHouseType[],
  zone: string,
): Value[][] {
  const readers = types.map((type) => valueReader(type, zone));
  return data.map((row) => readers.map((read, i) => read(row[i])));
}

/** Parses and checks a `JSONCompact` answer; an error appended to cut rows short is raised. */
function readJsonCompact(body: string, endpoint: string): JsonCompact {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const cut = readServerError(body, 'last');
    if (cut) throw new ClickHouseError(endpoint, cut.message, cut.code);
    const start = firstLine(body).slice(0, 80) || 'nothing';
    throw new ClickHouseError(endpoint, `expected a JSONCompact answer, got ${start}`);
  }

  if (!isJsonCompact(parsed)) {
    throw new ClickHouseError(endpoint, 'the answer has no meta and data in JSONCompact form');
  }
  return parsed;
}

function isJsonCompact(value: unknown): value is JsonCompact {
  if (typeof value !== 'object' || value === null) return false;
  const { meta, data } = value as Record<string, unknown>;
  return (
    Array.isArray(meta) &&
    meta.every((m) => typeof m?.name === 'string' && typeof m?.type === 'string') &&
    Array.isArray(data) &&
    data.every(Array.isArray)
  );
}

function parseEndpoint(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const shown = url.replace(/\/\/[^/]*@/, '//...@');
    throw new QuarryError(`'${shown}' is not a ClickHouse URL; expected http://host:port`);
  }
  if (parsed.protocol !== 'http:') {
    throw new NotSupportedError(
      `ClickHouse over ${parsed.protocol.replace(/:$/, '')}`,
      'use http://',
    );
  }
  return parsed;
}

function basicAuth(user: string, password: string): string | undefined {
  if (user === '' && password === '') return undefined;
  const pair = `${user || 'default'}:${password}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}
