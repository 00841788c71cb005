/**
 * `npm run bench`: ingests 1,000,000 generated NDJSON events with `quarry ingest` and, as the
 * floor, loads the same file into a plain table with DuckDB's own `read_json`; each side runs
 * in a process of its own so its peak memory is its own. Prints events per second, peak memory
 * and the ratio, from one run.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEvents } from './generate-events.js';

const EVENTS = Number(process.env.QUARRY_BENCH_EVENTS ?? 1_000_000);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Measured {
  readonly seconds: number;
  readonly peakMb: number;
}

/** Runs a command, timing it; the child reports its own peak memory on its last line. */
function measure(args: readonly string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peak = /peak-rss-kb=(\d+)/.exec(output);
      if (code !== 0 && code !== 1)
        reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
      else resolve({ seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN });
    });
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'quarry-bench-'));
  try {
    const file = join(dir, 'events.ndjson');
    process.stderr.write(`generating ${EVENTS.toLocaleString('en-US')} events ... `);
    const bytes = await generateEvents(file, EVENTS);
    process.stderr.write(`${(bytes / 2 ** 20).toFixed(0)} MiB\n`);

    const floor = await measure(['bench/floor.mjs', file, join(dir, 'floor.duckdb')]);
    const quarry = await measure(['bench/quarry-ingest.mjs', file, join(dir, 'quarry.duckdb')]);

    const rate = (m: Measured) => Math.round(EVENTS / m.seconds).toLocaleString('en-US');
    const line = (name: string, m: Measured) =>
      `${name.padEnd(34)} ${m.seconds.toFixed(2).padStart(8)} s  ` +
      `${rate(m).padStart(10)} events/s  ` +
      `peak ${m.peakMb.toFixed(0).padStart(5)} MB`;
    console.log(
      `ingest of ${EVENTS.toLocaleString('en-US')} NDJSON events ` +
        `(${(bytes / 2 ** 20).toFixed(0)} MiB)`,
    );
    console.log(line('DuckDB read_json into a table', floor));
    console.log(line('quarry ingest', quarry));
    console.log(
      `ratio (quarry / floor): time ${(quarry.seconds / floor.seconds).toFixed(2)}x, ` +
        `memory ${(quarry.peakMb / floor.peakMb).toFixed(2)}x  ` +
        '(target: time within 2x, peak under 1024 MB)',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
