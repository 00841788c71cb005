/**
 * What an ingest run reports: per input, what landed where, what was already there, and every
 * record that could not be read, with where it was.
 */

/** A record that could not be stored. */
export interface BadRecord {
  /** The input (file, or `archive!member`). */
  readonly source: string;
  /** Where in the input: `line 12`, `line 3, column 7`, `record 5 @0x1200`. */
  readonly position: string;
  readonly message: string;
}

/** One input's outcome. */
export interface InputReport {
  readonly name: string;
  readonly format: string;
  /** Events stored. */
  readonly events: number;
  /** Events dropped because the store already held them (or the input held them twice). */
  readonly duplicates: number;
  readonly bad: number;
  /** Why the input was not read at all (already ingested, not supported). */
  readonly skipped?: string;
}

/** A notice about an input that is not about one record. */
export interface InputNotice {
  readonly name: string;
  readonly message: string;
  readonly severity: 'info' | 'warning' | 'error';
}

/** The whole run. */
export interface IngestSummary {
  readonly inputs: InputReport[];
  /** Events stored per vendor table. */
  readonly tables: Map<string, number>;
  readonly bad: BadRecord[];
  readonly notices: InputNotice[];
}

export function emptySummary(): IngestSummary {
  return { inputs: [], tables: new Map(), bad: [], notices: [] };
}

/** Events stored across all inputs. */
export function storedEvents(summary: IngestSummary): number {
  return summary.inputs.reduce((n, input) => n + input.events, 0);
}

/** Duplicates dropped across all inputs. */
export function duplicateEvents(summary: IngestSummary): number {
  return summary.inputs.reduce((n, input) => n + input.duplicates, 0);
}

/** True when something was skipped or could not be read: the command then exits with 1. */
export function somethingSkipped(summary: IngestSummary): boolean {
  return (
    summary.bad.length > 0 ||
    summary.notices.some((n) => n.severity === 'error') ||
    summary.inputs.some((i) => i.skipped !== undefined && !i.skipped.startsWith('already'))
  );
}
