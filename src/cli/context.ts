/**
 * The conventions every command keeps: where the store is, which zone times are shown in, how
 * results are written, what "now" is, and how much the command narrates.
 */
import type { Command } from 'commander';
import { storePath } from '../engine/duckdb/store.js';
import type { Instant } from '../engine/engine.js';
import { parseNow } from '../time/parse.js';
import { resolveTimeZone } from '../time/zone.js';
import { parseOutputFormat, type OutputFormat } from './output/render.js';

/** The options every command accepts. */
export interface GlobalOptions {
  readonly db?: string;
  readonly output?: string;
  readonly tz?: string;
  readonly now?: string;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

/** What a command runs with, resolved once. */
export interface Context {
  readonly store: string;
  readonly output: OutputFormat;
  readonly tz: string;
  readonly now: Instant;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** Narration for people: stderr, silenced by `--quiet`. */
  say(message: string): void;
  /** Extra narration with `-v`. */
  detail(message: string): void;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Adds the global options to a command. */
export function withGlobalOptions(command: Command): Command {
  return command
    .option('--db <file>', 'the store (default: $QUARRY_DB, else ./quarry.duckdb)')
    .option('--output <format>', 'table, json, ndjson or csv (default: table)')
    .option('--tz <zone>', 'time zone times are shown in (default: $QUARRY_TZ, else this machine)')
    .option('--now <time>', 'what "now" is, for reproducible runs (ISO 8601 with an offset)')
    .option('-q, --quiet', 'say nothing on stderr but errors')
    .option('-v, --verbose', 'say more on stderr');
}

/** Resolves the global options, throwing `InputError` for a bad value. */
export function resolveContext(options: GlobalOptions): Context {
  const quiet = options.quiet ?? false;
  const verbose = (options.verbose ?? false) && !quiet;
  const stdout = process.stdout;
  const stderr = process.stderr;
  return {
    store: storePath(options.db),
    output: options.output ? parseOutputFormat(options.output) : 'table',
    tz: resolveTimeZone(options.tz),
    now: parseNow(options.now),
    quiet,
    verbose,
    say: (message) => {
      if (!quiet) stderr.write(`${message}\n`);
    },
    detail: (message) => {
      if (verbose) stderr.write(`${message}\n`);
    },
    stdout,
    stderr,
  };
}
