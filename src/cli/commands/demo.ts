/**
 * `quarry demo`: builds a small Windows estate's telemetry, with one WMIC lateral movement
 * woven into it, ingests it, and says what to try next.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { generateDemo, type DemoStory } from '../../demo/generate.js';
import { InputError } from '../../errors.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { somethingSkipped } from '../../ingest/summary.js';
import { formatInstantDisplay } from '../../time/format.js';
import { parseInstant } from '../../time/parse.js';
import { Instant } from '../../engine/engine.js';
import { resolveContext, withGlobalOptions, type Context } from '../context.js';
import { summaryText } from '../ingest-report.js';
import { progressBar } from '../progress.js';

interface DemoFlags {
  readonly anchor?: string;
  readonly days?: string;
}

const HOUR_MS = 3_600_000;

/** Registers the command. */
export function demoCommand(program: Command, exit: (code: number) => void): void {
  withGlobalOptions(
    program
      .command('demo')
      .description(
        'build the demo estate (a few days of a small domain, one WMIC attack) and ingest it',
      )
      .option('--anchor <time>', 'end of the demo window (default: the start of the current hour)')
      .option('--days <n>', 'days of activity before the anchor', '3'),
  ).action(async (flags: DemoFlags, command: Command) => {
    const context = resolveContext(command.optsWithGlobals());
    const anchor = demoAnchor(flags.anchor, context);
    const days = Number(flags.days ?? 3);
    if (!Number.isInteger(days) || days < 1 || days > 31) {
      throw new InputError(
        `--days: expected a whole number of days from 1 to 31, got '${flags.days}'`,
      );
    }

    const demo = generateDemo({ anchor, days });
    context.say(`Building the demo estate: ${days} days ending ${anchor.toISOString()} ...`);
    const progress = progressBar(context.stderr, context.quiet);
    const summary = await ingestRecords('demo estate', demo.items(), {
      store: context.store,
      inputTz: 'UTC',
      inputTzExplicit: true,
      command: ['quarry', 'demo', ...process.argv.slice(3)].join(' '),
      progress,
    });
    progress?.finish();
    context.stdout.write(summaryText(summary, context.verbose));
    context.stdout.write(nextSteps(demo.story, context));
    exit(somethingSkipped(summary) ? 1 : 0);
  });
}

/** The anchor: `--anchor`, else the start of the hour that `--now` (or the clock) is in. */
function demoAnchor(option: string | undefined, context: Context): Date {
  if (option !== undefined) {
    const instant = parseInstant(option, 'UTC');
    if (!instant) throw new InputError(`--anchor: expected an ISO 8601 time, got '${option}'`);
    return new Date(instant.epochMs);
  }
  return new Date(Math.floor(context.now.epochMs / HOUR_MS) * HOUR_MS);
}

/** How the user ran Quarry: `quarry` once installed, `node bin/quarry.js` in a clone. */
function invocation(): string {
  const script = process.argv[1] ?? '';
  const local = relative(process.cwd(), script);
  return script && !local.startsWith('..') && !isAbsolute(local) ? `node ${local}` : 'quarry';
}

function nextSteps(story: DemoStory, context: Context): string {
  const when = formatInstantDisplay(Instant.fromMillis(Date.parse(story.attackStart)), context.tz);
  const db = context.store === resolve('quarry.duckdb') ? '' : ` --db ${context.store}`;
  const quarry = invocation();
  return [
    '',
    `The store is ${context.store}.`,
    `Hidden in it: ${story.compromisedAccount} on ${story.source.name} ran WMIC against ` +
      `${story.target.name} (${story.target.ip}) at ${when}.`,
    '',
    'Try next:',
    `  ${quarry} tables${db}`,
    `  ${quarry} query${db} --sql "SELECT TimeGenerated, Account, Computer, CommandLine ` +
      `FROM SecurityEvent WHERE EventID = 4688 AND NewProcessName ILIKE '%wmic.exe' ` +
      `AND CommandLine ILIKE '%process call create%'"`,
    `  ${quarry} query${db} --sql "SELECT Timestamp, DeviceName, InitiatingProcessFileName, ` +
      `ProcessCommandLine FROM DeviceProcessEvents ` +
      `WHERE InitiatingProcessFileName ILIKE 'wmiprvse.exe'"`,
    `  ${quarry} query${db} --output csv ` +
      `--sql "SELECT _time, host, New_Process_Name, CommandLine ` +
      `FROM splunk.windows WHERE EventCode = '4688' AND New_Process_Name ILIKE '%\\\\wmic.exe'"`,
    '',
  ].join('\n');
}
