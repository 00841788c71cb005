/**
 * The `quarry` command. Data goes to stdout, narration and errors to stderr. Exit status: 0
 * when everything was read, 1 when something was skipped and the rest kept, 2 on a usage or
 * query error.
 */
import { Command, CommanderError } from 'commander';
import { InternalError, QuarryError } from '../errors.js';
import { demoCommand } from './commands/demo.js';
import { ingestCommand } from './commands/ingest.js';
import { queryCommand } from './commands/query.js';
import { tablesCommand } from './commands/tables.js';

const VERSION = '0.1.0';

/** Builds the program; `exit` receives the status a command asks for. */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command('quarry')
    .description('Quarry: hunt Windows telemetry with the queries you already know')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  ingestCommand(program, exit);
  tablesCommand(program);
  demoCommand(program, exit);
  queryCommand(program);
  return program;
}

/** Runs the command line and resolves to the exit status. */
export async function run(argv: readonly string[]): Promise<number> {
  let status = 0;
  const program = buildProgram((code) => (status = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof QuarryError) {
    process.stderr.write(`quarry: ${error.message}\n`);
    return error.exitCode;
  }
  const internal = error instanceof InternalError ? error : undefined;
  process.stderr.write(`quarry: ${internal ? internal.message : 'unexpected error'}\n`);
  if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 2;
}
