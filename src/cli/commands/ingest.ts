/**
 * `quarry ingest PATH...`: read files and folders (and the archives in them) into the store.
 */
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { ingestPaths } from '../../ingest/ingest.js';
import { somethingSkipped } from '../../ingest/summary.js';
import { normalizeTimeZone } from '../../time/zone.js';
import { resolveContext, withGlobalOptions, type GlobalOptions } from '../context.js';
import { summaryText } from '../ingest-report.js';
import { progressBar } from '../progress.js';

interface IngestFlags extends GlobalOptions {
  readonly inputTz?: string;
}

/** Registers the command; its action resolves to the exit status. */
export function ingestCommand(program: Command, exit: (code: number) => void): void {
  withGlobalOptions(
    program
      .command('ingest')
      .description(
        'read logs into the store: .json/.ndjson exports, event XML, CSV, and archives of them',
      )
      .argument('<path...>', 'files and folders (folders are read recursively)')
      .option('--input-tz <zone>', 'zone of timestamps written without an offset (default: UTC)'),
  ).action(async (paths: string[], flags: IngestFlags, command: Command) => {
    const context = resolveContext(command.optsWithGlobals());
    const inputTz = inputZone(flags.inputTz);
    const progress = progressBar(context.stderr, context.quiet);
    const summary = await ingestPaths(paths, {
      store: context.store,
      inputTz,
      inputTzExplicit: flags.inputTz !== undefined,
      command: ['quarry', 'ingest', ...process.argv.slice(3)].join(' '),
      progress,
    });
    progress?.finish();
    context.stdout.write(summaryText(summary, context.verbose));
    exit(somethingSkipped(summary) ? 1 : 0);
  });
}

/** The input zone in a form the engine understands: IANA names, or `GMT+hh:mm` offsets. */
export function inputZone(option?: string): string {
  if (option === undefined) return 'UTC';
  const zone = normalizeTimeZone(option);
  if (!zone) {
    throw new InputError(
      `--input-tz: unknown time zone '${option}'; expected an IANA name such as ` +
        `America/New_York, UTC, or an offset such as +05:30`,
    );
  }
  return /^[+-]\d\d:\d\d$/.test(zone) ? `GMT${zone}` : zone;
}
