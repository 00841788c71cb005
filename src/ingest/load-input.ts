/**
 * Loading one input: recognise a file already ingested by its digest, decode what the engine
 * cannot read itself into a staging file, load in bulk, and report every record left out with
 * where it was.
 */
import { createHash } from 'node:crypto';
import type { DuckDBEngine } from '../engine/duckdb/engine.js';
import { FileSource } from './archives/byte-streams.js';
import type { IngestOptions } from './ingest.js';
import { locateRows } from './lines.js';
import { loadJsonLines, type LoadResult } from './load.js';
import type { InputFormat, Reader } from './reader.js';
import type { ReaderItem } from './record.js';
import { csvReader } from './readers/csv.js';
import { splitJsonValues } from './readers/json-split.js';
import { xmlReader } from './readers/xml.js';
import { digestFile, materialize, type InputEntry } from './sources.js';
import { StagingFile } from './staging.js';
import type { BadRecord, IngestSummary, InputReport } from './summary.js';

/** What loading an input needs from the run it belongs to. */
export interface InputLoad {
  readonly engine: DuckDBEngine;
  readonly options: IngestOptions;
  readonly workDir: string;
  readonly summary: IngestSummary;
  nextBatch(): Promise<number>;
  containerDigest(name: string, compute: () => Promise<string>): Promise<string>;
}

type FileEntry = Extract<InputEntry, { kind: 'input' }>;
type RecordsEntry = {
  readonly kind: 'records';
  readonly name: string;
  readonly items: Iterable<ReaderItem> | AsyncIterable<ReaderItem>;
};

const READERS: Partial<Record<InputFormat, Reader>> = { xml: xmlReader, csv: csvReader };

/** Loads one input and adds its outcome to the run's summary. */
export async function loadInput(run: InputLoad, entry: FileEntry | RecordsEntry): Promise<void> {
  const name = entry.kind === 'input' ? entry.source.name : entry.name;
  const format = entry.kind === 'input' ? entry.format : 'records';
  run.options.progress?.start(name, entry.kind === 'input' ? entry.source.size : undefined);

  let report: InputReport;
  try {
    report = await loadOne(run, entry, name, format);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    run.summary.notices.push({
      name,
      message: `could not be loaded: ${message}`,
      severity: 'error',
    });
    report = { name, format, events: 0, duplicates: 0, bad: 0, skipped: 'failed' };
  }
  run.summary.inputs.push(report);
  run.options.progress?.done(report);
}

async function loadOne(
  run: InputLoad,
  entry: FileEntry | RecordsEntry,
  name: string,
  format: string,
): Promise<InputReport> {
  const digest = entry.kind === 'input' ? await inputDigest(run, entry) : undefined;
  if (digest) {
    const earlier = await run.engine.query(
      `SELECT name, strftime(ingested, '%Y-%m-%d %H:%M:%S') FROM _files WHERE digest = ? LIMIT 1`,
      [digest],
    );
    const row = earlier.rows[0];
    if (row) {
      const skipped = `already ingested (same content as ${row[0]}, at ${row[1]} UTC)`;
      return { name, format, events: 0, duplicates: 0, bad: 0, skipped };
    }
  }
  if (entry.kind === 'input' && entry.format === 'evtx') {
    const skipped = 'binary .evtx is not supported by this version of Quarry';
    run.summary.notices.push({
      name,
      message: `${skipped}: export it as XML or JSON`,
      severity: 'error',
    });
    return { name, format, events: 0, duplicates: 0, bad: 0, skipped };
  }

  const batch = await run.nextBatch();
  const bad: BadRecord[] = [];
  const result =
    entry.kind === 'input' && entry.format === 'ndjson'
      ? await loadJsonFile(run, entry, batch, bad)
      : await loadStaged(run, entry, name, batch, bad);

  run.summary.bad.push(...bad);
  for (const [table, count] of result.tables) {
    run.summary.tables.set(table, (run.summary.tables.get(table) ?? 0) + count);
  }
  const events = result.mapped - result.duplicates;
  const size = entry.kind === 'input' ? (entry.source.size ?? null) : null;
  await run.engine.execute(`INSERT INTO _files VALUES (?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)`, [
    digest ?? null,
    name,
    size,
    batch,
    events,
    result.duplicates,
    bad.length,
  ]);
  return { name, format, events, duplicates: result.duplicates, bad: bad.length };
}

/** A plain file's SHA-256; for an archive member, the archive's digest and the member's name. */
async function inputDigest(run: InputLoad, entry: FileEntry): Promise<string> {
  if (entry.source instanceof FileSource) return digestFile(entry.source.path);
  const top = entry.source.name.split('!')[0] ?? entry.source.name;
  const archive = await run.containerDigest(top, () => digestFile(top));
  return createHash('sha256').update(`${archive}!${entry.source.name}`).digest('hex');
}

/** JSON lines the engine reads straight from the file (a copy, for archive members). */
async function loadJsonFile(
  run: InputLoad,
  entry: FileEntry,
  batch: number,
  bad: BadRecord[],
): Promise<LoadResult> {
  const path = await materialize(entry.source, run.workDir);
  const result = await withProgress(run, () =>
    loadJsonLines(run.engine, { ...loadOptions(run, entry.source.name, batch), path }),
  );
  if (result.rejected.length > 0) {
    const found = await locateRows(
      path,
      result.rejected.map((r) => r.ordinal),
    );
    for (const { ordinal, reason } of result.rejected) {
      const at = found.get(ordinal);
      const position = at ? `line ${at.line}` : `row ${ordinal}`;
      const text = at ? `: ${at.text.slice(0, 80)}` : '';
      bad.push({ source: entry.source.name, position, message: `${reason}${text}` });
    }
  }
  return result;
}

/**
 * Inputs decoded here (XML, CSV, JSON that is not one value per line, records) go through a
 * staging file.
 */
async function loadStaged(
  run: InputLoad,
  entry: FileEntry | RecordsEntry,
  name: string,
  batch: number,
  bad: BadRecord[],
): Promise<LoadResult> {
  const staging = StagingFile.create(run.workDir, `batch-${batch}`);
  try {
    for await (const item of decode(run, entry)) {
      if (item.kind === 'bad')
        bad.push({ source: name, position: item.position, message: item.message });
      else if (item.kind === 'event') await staging.addEvent(item.position, item.event);
      else if (item.kind === 'row') await staging.addRow(item.position, item.row);
      else await staging.addLine(item.position, item.text);
    }
    await staging.close();
    const result = await withProgress(run, () =>
      loadJsonLines(run.engine, {
        ...loadOptions(run, name, batch),
        path: staging.path,
        ...(staging.keys ? { keys: staging.keys, rows: staging.count } : {}),
      }),
    );
    for (const { ordinal, reason } of result.rejected) {
      bad.push({ source: name, position: staging.positionOf(ordinal), message: reason });
    }
    return result;
  } finally {
    await staging.remove();
  }
}

type Decoded =
  ReaderItem | { readonly kind: 'text'; readonly position: string; readonly text: string };

async function* decode(run: InputLoad, entry: FileEntry | RecordsEntry): AsyncGenerator<Decoded> {
  if (entry.kind === 'records') {
    yield* entry.items;
    return;
  }
  if (entry.format === 'json') {
    for await (const item of splitJsonValues(entry.source.open())) {
      const position = `line ${item.line}, column ${item.column}`;
      yield item.kind === 'value'
        ? { kind: 'text', position, text: item.text }
        : { kind: 'bad', position, message: item.message };
    }
    return;
  }
  const reader = READERS[entry.format];
  if (!reader) throw new Error(`no reader for ${entry.format}`);
  yield* reader.read(entry.source, { inputTz: run.options.inputTz });
}

function loadOptions(run: InputLoad, sourceName: string, batch: number) {
  return {
    sourceName,
    batch,
    inputTz: run.options.inputTz,
    inputTzExplicit: run.options.inputTzExplicit,
  };
}

/** Reports the engine's progress on a long statement while it runs. */
async function withProgress<T>(run: InputLoad, work: () => Promise<T>): Promise<T> {
  const progress = run.options.progress;
  if (!progress) return work();
  const timer = setInterval(() => {
    const { percentage } = run.engine.connection.progress;
    if (percentage >= 0) progress.advance(Math.min(percentage, 100) / 100);
  }, 200);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
