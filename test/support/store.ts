/**
 * Test helpers: temporary stores, queries against them, and the shared corpus.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openForQuery } from '../../src/engine/duckdb/store.js';
import type { Value } from '../../src/engine/engine.js';

/** The repository's root folder. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared` beside the repository, when it is there. */
export const SHARED = resolve(REPO, '../shared');

/** A skip reason when the shared corpus is absent, for `test(..., { skip })`. */
export const NO_SHARED = existsSync(join(SHARED, 'corpus'))
  ? false
  : '../shared/corpus is not present beside this clone';

/** A fixture file's path. */
export function fixture(...path: string[]): string {
  return join(REPO, 'test', 'fixtures', ...path);
}

/** A fresh folder, removed after `use` ends. */
export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'quarry-test-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs SQL against a store, read-only, and returns the rows. */
export async function rows(store: string, sql: string): Promise<Value[][]> {
  const engine = await openForQuery(store);
  try {
    const result = await engine.query(sql);
    return result.rows.map((row) => [...row]);
  } finally {
    await engine.close();
  }
}

/** The single value of a one-row, one-column query, as a number when it is one. */
export async function scalar(store: string, sql: string): Promise<Value> {
  const value = (await rows(store, sql))[0]?.[0] ?? null;
  return typeof value === 'bigint' ? Number(value) : value;
}
