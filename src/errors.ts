/**
 * Quarry's error tree. Every error a user can meet is a `QuarryError`; the CLI prints its
 * message (and the cause chain) without a stack trace. Broken invariants are `InternalError`s.
 */

/** Where in an input something happened: a file, and a line/column or a byte offset. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
}

/** Renders a location as `file:line:column`, `file:line` or `file@offset`. */
export function formatLocation(loc: SourceLocation): string {
  if (loc.line !== undefined) {
    return loc.column !== undefined
      ? `${loc.file}:${loc.line}:${loc.column}`
      : `${loc.file}:${loc.line}`;
  }
  if (loc.offset !== undefined) return `${loc.file}@${loc.offset}`;
  return loc.file;
}

/** The base of every error Quarry raises on purpose. */
export class QuarryError extends Error {
  /** Exit status the CLI uses when this error ends a command. */
  readonly exitCode: number = 2;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A request the user can make but that Quarry does not support; always names the feature. */
export class NotSupportedError extends QuarryError {
  constructor(
    readonly feature: string,
    detail?: string,
  ) {
    super(detail ? `${feature} is not supported: ${detail}` : `${feature} is not supported`);
  }
}

/** Bad user input: a malformed file, option or request, with where it happened. */
export class InputError extends QuarryError {
  constructor(
    message: string,
    readonly location?: SourceLocation,
    options?: { cause?: unknown },
  ) {
    super(location ? `${formatLocation(location)}: ${message}` : message, options);
  }
}

/** The store is held by another process, or could not be opened. */
export class StoreError extends QuarryError {}

/** A broken invariant inside Quarry: never the user's fault. */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`internal error: ${message}`, options);
    this.name = 'InternalError';
  }
}

/** Marks a switch as exhaustive: a new union member fails to compile until handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
