/**
 * `quarry tables`: every table and view with its row count, time range, hosts and sources
 * (the inventory an analyst builds first in a new environment), and with `--columns`, every
 * column and its type.
 */
import type { Command } from 'commander';
import { openForQuery } from '../../engine/duckdb/store.js';
import type { ResultSet } from '../../engine/engine.js';
import { inventory, listRelations } from '../../schema/inventory.js';
import { resolveContext, withGlobalOptions } from '../context.js';
import { summaryLine, writeResult } from '../output/render.js';

interface TablesFlags {
  readonly columns?: boolean;
}

/** Registers the command. */
export function tablesCommand(program: Command): void {
  withGlobalOptions(
    program
      .command('tables')
      .description('list tables and views: rows, time range, hosts, sources (and columns)')
      .argument('[name...]', 'only these tables or views')
      .option('--columns', 'list every column with its type instead'),
  ).action(async (names: string[], flags: TablesFlags, command: Command) => {
    const context = resolveContext(command.optsWithGlobals());
    const engine = await openForQuery(context.store);
    try {
      const relations = (await listRelations(engine)).filter(
        (r) => names.length === 0 || names.some((n) => n.toLowerCase() === r.name.toLowerCase()),
      );
      const result: ResultSet = flags.columns
        ? {
            columns: [
              { name: 'Table', type: 'string' },
              { name: 'Column', type: 'string' },
              { name: 'Type', type: 'string' },
            ],
            rows: relations.flatMap((r) => r.columns.map((c) => [r.name, c.name, c.type])),
          }
        : await inventory(engine, relations);
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
