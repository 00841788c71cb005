/**
 * Errors from a ClickHouse server or from the way to it. Each names the endpoint, so a user
 * running against a cluster knows which server answered.
 */
import { QuarryError } from '../../errors.js';

/** An error reported by a ClickHouse server, or a response Quarry could not read. */
export class ClickHouseError extends QuarryError {
  /**
   * @param endpoint the server, as `http://host:port` (never with credentials).
   * @param detail what went wrong, in one line.
   * @param code the server's error code (`47` for an unknown identifier), when it gave one.
   */
  constructor(
    readonly endpoint: string,
    readonly detail: string,
    readonly code?: number,
    options?: { cause?: unknown },
  ) {
    const prefix = code === undefined ? '' : `code ${code}: `;
    super(`ClickHouse at ${endpoint}: ${prefix}${detail}`, options);
  }
}

/** The server could not be reached, dropped the connection, or did not answer in time. */
export class ClickHouseConnectionError extends ClickHouseError {}

/** A server error's code and first line, read from an error body. */
export interface ServerError {
  readonly code?: number;
  readonly message: string;
}

/** Where a server error starts: its code, then the exception's name, which the message follows. */
const ERROR_START = /Code: (\d+)[.,]\s*(?:e\.displayText\(\) = )?(?:[\w:]*Exception[:.]\s*)?/g;

/** What old servers append after the message. */
const WHAT_SUFFIX = /,?\s*e\.what\(\) = [\s\S]*$/;

/**
 * Reads the error text a ClickHouse server sends, in the spelling of old servers
 * (`Code: 47, e.displayText() = DB::Exception: Unknown identifier: x, e.what() = ...`) and of
 * newer ones (`Code: 47. DB::Exception: Missing columns: ... (UNKNOWN_IDENTIFIER) (version ...)`).
 * An error body holds one error at its start; an error that cut a result short follows the rows
 * already sent, so it is the last one in the text (`which: 'last'`).
 *
 * @returns the code and the message's first line, or `undefined` when `text` holds no error.
 */
export function readServerError(
  text: string,
  which: 'first' | 'last' = 'first',
): ServerError | undefined {
  const found = [...text.matchAll(ERROR_START)];
  const match = which === 'first' ? found[0] : found[found.length - 1];
  if (match?.index === undefined) return undefined;

  const rest = text.slice(match.index + match[0].length).replace(WHAT_SUFFIX, '');
  return { code: Number(match[1]), message: firstLine(rest) || 'no message' };
}

/** The first non-blank line of `text`, trimmed. */
export function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}
