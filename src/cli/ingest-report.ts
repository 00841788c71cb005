/**
 * How an ingest run's summary is printed: inputs, events per table, duplicates skipped, and
 * every bad record with its input and position.
 */
import { duplicateEvents, storedEvents, type IngestSummary } from '../ingest/summary.js';

/** The summary as text lines. */
export function summaryText(summary: IngestSummary): string {
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
  for (const notice of summary.notices) {
    const label = notice.severity === 'info' ? 'ignored' : notice.severity;
    lines.push(`${label}: ${notice.name}: ${notice.message}`);
  }
  if (summary.bad.length > 0) {
    lines.push('', 'Bad records:');
    for (const bad of summary.bad) lines.push(`  ${bad.source}, ${bad.position}: ${bad.message}`);
  }
  return lines.join('\n') + '\n';
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
