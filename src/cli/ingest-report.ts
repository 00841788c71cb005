/**
 * How an ingest run's summary is printed: inputs, events per table, duplicates skipped, and
 * every bad record with its input and position.
 */
import { duplicateEvents, storedEvents, type IngestSummary } from '../ingest/summary.js';

/** The summary as text lines; `verbose` names every file that was ignored. */
export function summaryText(summary: IngestSummary, verbose = false): string {
  const lines: string[] = [];
  const read = summary.inputs.filter((i) => i.skipped === undefined).length;
  const skipped = summary.inputs.filter((i) => i.skipped !== undefined);
  lines.push(
    `${plural(summary.inputs.length, 'input')} (${read} read, ${skipped.length} skipped): ` +
      `${plural(storedEvents(summary), 'event')} stored, ` +
      `${plural(duplicateEvents(summary), 'duplicate')} skipped, ` +
      `${plural(summary.bad.length, 'bad record')}`,
  );

  if (summary.tables.size > 0) {
    lines.push('', 'Events per table:');
    const width = Math.max(...[...summary.tables.keys()].map((t) => t.length));
    for (const [table, count] of [...summary.tables].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${table.padEnd(width)}  ${String(count).padStart(9)}`);
    }
  }
  for (const input of skipped) lines.push(`skipped ${input.name}: ${input.skipped}`);
  lines.push(...ignoredLines(summary, verbose));
  for (const notice of summary.notices.filter((n) => n.severity !== 'info')) {
    lines.push(`${notice.severity}: ${notice.name}: ${notice.message}`);
  }
  if (summary.bad.length > 0) {
    lines.push('', 'Bad records:');
    for (const bad of summary.bad) lines.push(`  ${bad.source}, ${bad.position}: ${bad.message}`);
  }
  return lines.join('\n') + '\n';
}

/** Files that are not event logs, one line per reason unless `verbose`. */
function ignoredLines(summary: IngestSummary, verbose: boolean): string[] {
  const byReason = new Map<string, string[]>();
  for (const notice of summary.notices.filter((n) => n.severity === 'info')) {
    byReason.set(notice.message, [...(byReason.get(notice.message) ?? []), notice.name]);
  }
  return [...byReason].flatMap(([reason, names]) =>
    verbose || names.length === 1
      ? names.map((name) => `ignored: ${name}: ${reason}`)
      : [`ignored ${plural(names.length, 'file')} (${reason}), such as ${names[0]}`],
  );
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
