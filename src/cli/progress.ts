/**
 * The ingest progress bar: one line on stderr, redrawn in place, only on a terminal. Written
 * by hand because it is one line of text; a library would bring more than it saves.
 */
import type { IngestProgress } from '../ingest/ingest.js';
import type { InputReport } from '../ingest/summary.js';

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

/** Ingest progress that can also clear its line when the run is over. */
export interface ProgressBar extends IngestProgress {
  finish(): void;
}

/** A progress bar on `stream`, or nothing when it is not a terminal or `quiet` is set. */
export function progressBar(stream: NodeJS.WriteStream, quiet: boolean): ProgressBar | undefined {
  if (quiet || !stream.isTTY) return undefined;
  let name = '';
  let inputs = 0;
  let events = 0;
  let lastDraw = 0;

  const draw = (fraction: number, force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * BAR_WIDTH);
    const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled);
    const status =
      `[${bar}] ${String(Math.round(fraction * 100)).padStart(3)}%  ` +
      `${inputs} inputs, ${events} events  ${name}`;
    const width = (stream.columns ?? 80) - 1;
    stream.write(
      `\r${status.length > width ? status.slice(0, width - 1) + '…' : status.padEnd(width)}`,
    );
  };

  return {
    start(input: string) {
      name = input;
      draw(0, true);
    },
    advance(fraction: number) {
      draw(fraction);
    },
    done(report: InputReport) {
      inputs++;
      events += report.events;
      draw(1, true);
    },
    finish() {
      stream.write(`\r${' '.repeat((stream.columns ?? 80) - 1)}\r`);
    },
  };
}
