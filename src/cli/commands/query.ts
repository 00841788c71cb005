/**
 * `quarry query --sql "..."`: the store in raw SQL, sealed like every user query: read-only,
 * with no file, network or extension access.
 */
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { openForQuery } from '../../engine/duckdb/store.js';
import { resolveContext, withGlobalOptions } from '../context.js';
import { summaryLine, writeResult } from '../output/render.js';

/** Registers the command. */
export function queryCommand(program: Command): void {
  withGlobalOptions(
    program
      .command('query')
      .description('run a query over the store')
      .option('--sql <statement>', 'a DuckDB SQL statement over the tables and views'),
  ).action(async (flags: { sql?: string }, command: Command) => {
    const context = resolveContext(command.optsWithGlobals());
    if (!flags.sql) throw new InputError('quarry query needs --sql "..."');
    const engine = await openForQuery(context.store);
    try {
      const result = await engine.query(flags.sql);
      await writeResult(
        result,
        { format: context.output, tz: context.tz, width: context.stdout.columns },
        context.stdout,
      );
      context.say(summaryLine(result));
    } finally {
      await engine.close();
    }
  });
}
