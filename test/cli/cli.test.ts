import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fixture, REPO } from '../support/store.js';

const BIN = join(REPO, 'bin', 'quarry.js');
const BUILT = existsSync(join(REPO, 'dist', 'cli', 'main.js'))
  ? false
  : 'dist/ is not built: run `npm run build` (npm test does)';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `quarry` command. */
function quarry(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, QUARRY_TZ: 'UTC', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the quarry command', { skip: BUILT }, () => {
  let dir = '';
  let store = '';
  let demo: Run;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quarry-cli-'));
    store = join(dir, 'demo.duckdb');
    demo = await quarry(['demo', '--db', store, '--anchor', '2026-12-01T12:00:00Z', '--quiet']);
  });

  after(() => rm(dir, { recursive: true, force: true }));

  test('builds the demo estate and says what to try next', () => {
    assert.equal(demo.code, 0, demo.stderr);
    assert.match(demo.stdout, /events stored/);
    assert.match(demo.stdout, /Try next:/);
  });

  test('lists the vendor tables and the Splunk index views, each with rows', async () => {
    const run = await quarry(['tables', '--db', store, '--output', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const tables = JSON.parse(run.stdout) as { Table: string; Rows: number }[];
    const rows = Object.fromEntries(tables.map((t) => [t.Table, t.Rows]));
    for (const name of [
      'SecurityEvent',
      'DeviceProcessEvents',
      'SysmonEvent',
      'Event',
      'CommonSecurityLog',
      'splunk.windows',
      'splunk.network',
    ]) {
      assert.ok((rows[name] ?? 0) > 0, `${name} has rows`);
    }
  });

  test('lists every column with its type', async () => {
    const run = await quarry([
      'tables',
      'SecurityEvent',
      '--columns',
      '--db',
      store,
      '--output',
      'csv',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /SecurityEvent,CommandLine,string/);
    assert.match(run.stdout, /SecurityEvent,TimeGenerated,datetime/);
  });

  test("finds the WMIC attack with the analyst's query, times in the asked zone", async () => {
    const run = await quarry([
      'query',
      '--db',
      store,
      '--output',
      'csv',
      '--tz',
      'America/New_York',
      '--sql',
      `SELECT TimeGenerated, Account, Computer FROM SecurityEvent
       WHERE EventID = 4688 AND NewProcessName ILIKE '%wmic.exe'
       AND CommandLine ILIKE '%process call create%'`,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const [header, row] = run.stdout.trim().split('\r\n');
    assert.equal(header, 'TimeGenerated,Account,Computer');
    assert.match(
      row ?? '',
      /^2026-12-01T\d\d:\d\d:\d\d\.\d{7}-05:00,CORP\\jdoe,WS03\.corp\.example\.com$/,
    );
  });

  test('runs user SQL sealed: no files, no extensions, no writes', async () => {
    for (const sql of [
      `SELECT * FROM read_csv('/etc/passwd')`,
      `COPY (SELECT 1) TO '${join(dir, 'out.csv')}'`,
      `INSTALL httpfs`,
      `CREATE TABLE stolen AS SELECT 1`,
      `SET enable_external_access = true`,
    ]) {
      const run = await quarry(['query', '--db', store, '--sql', sql]);
      assert.equal(run.code, 2, `${sql} was refused`);
      assert.match(run.stderr, /^quarry: /);
    }
  });

  test('reports a bad option as a usage error', async () => {
    const run = await quarry(['query', '--db', store, '--output', 'xml', '--sql', 'SELECT 1']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown output format 'xml'/);
  });

  test('ingests 997 of 1,000 lines, names the 3 broken ones and exits with 1', async () => {
    const file = join(dir, 'mixed.ndjson');
    const lines = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({
        TimeCreated: `2026-11-30T10:00:00.${String(i).padStart(3, '0')}Z`,
        Hostname: 'WS01.corp.example.com',
        Channel: 'Security',
        EventID: 4624,
        RecordNumber: 1000 + i,
      }),
    );
    lines[99] = '{"broken": ';
    lines[499] = '[1, 2, 3]';
    lines[899] = '{"no": "event here"}';
    await writeFile(file, lines.join('\n') + '\n');

    const run = await quarry(['ingest', file, '--db', join(dir, 'mixed.duckdb')]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /997 events stored/);
    assert.match(run.stdout, /mixed\.ndjson, line 100: not valid JSON/);
    assert.match(run.stdout, /mixed\.ndjson, line 500: a JSON array, not an object/);
    assert.match(run.stdout, /mixed\.ndjson, line 900: not a recognised event/);
  });

  test('ingests a folder of fixtures and reads them again as duplicates', async () => {
    const db = join(dir, 'fixtures.duckdb');
    const first = await quarry(['ingest', fixture('ingest', 'same-events.xml'), '--db', db]);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const second = await quarry(['ingest', fixture('ingest', 'same-events.ndjson'), '--db', db]);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /0 events stored, 3 duplicates skipped/);
  });
});
