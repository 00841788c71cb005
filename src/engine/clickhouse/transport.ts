/**
 * One HTTP POST to a ClickHouse server, bounded in time: a refused, reset or silent connection
 * becomes a `ClickHouseConnectionError` naming the endpoint, never a hang.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { ClickHouseConnectionError } from './errors.js';

/** Where a request goes and how long it may take. */
export interface PostTarget {
  /** The full request URL, query string included, without credentials. */
  readonly url: URL;
  /** The endpoint as errors name it. */
  readonly endpoint: string;
  /** The `Authorization` header's value, if any. */
  readonly authorization?: string;
  /** Milliseconds to wait for the TCP connection. */
  readonly connectTimeoutMs: number;
  /** Milliseconds for the whole exchange, connection included. */
  readonly timeoutMs: number;
}

/** A complete answer: status, headers and the body as text. */
export interface PostAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What a failed connection is called in messages, by Node's error code. */
const TRANSPORT_PROBLEMS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (is the server running?)',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/**
 * Posts `body` and reads the whole answer. Every connection is new and closed after use, so a
 * server restarted between two requests is met afresh, not through a stale kept-alive socket.
 *
 * @throws ClickHouseConnectionError when the server cannot be reached or does not answer in
 *   time; the message names the endpoint and the limit that was passed.
 */
export function post(target: PostTarget, body: string): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body, 'utf8');
    const req = request(target.url, {
      method: 'POST',
      agent: false,
      headers: headersFor(target, payload.length),
    });

    let limit: TimeoutError | undefined;
    const fail = (error: Error) => {
      clearTimeout(deadline);
      reject(connectionError(target, limit ?? error));
    };
    const stop = (error: TimeoutError) => {
      limit = error;
      req.destroy(error);
    };
    const deadline = setTimeout(() => {
      stop(new TimeoutError(`no complete answer within ${target.timeoutMs} ms`));
    }, target.timeoutMs);

    req.on('socket', (socket) => watchConnect(socket, stop, target));
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(new ResetError('the answer was cut short'));
      });
      res.on('end', () => {
        clearTimeout(deadline);
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
      });
    });
    req.end(payload);
  });
}

function headersFor(target: PostTarget, length: number): Record<string, string | number> {
  const headers: Record<string, string | number> = {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': length,
  };
  if (target.authorization) headers['Authorization'] = target.authorization;
  return headers;
}

/** Destroys the request when the TCP connection is not made within the connect timeout. */
function watchConnect(socket: Socket, stop: (error: TimeoutError) => void, target: PostTarget) {
  if (!socket.connecting) return;
  const timer = setTimeout(() => {
    stop(new TimeoutError(`no connection within ${target.connectTimeoutMs} ms`));
  }, target.connectTimeoutMs);
  socket.once('connect', () => clearTimeout(timer));
  socket.once('close', () => clearTimeout(timer));
}

/** A limit passed; its message says which. */
class TimeoutError extends Error {}

/** The server closed the connection before the answer was complete. */
class ResetError extends Error {}

function connectionError(target: PostTarget, error: Error): ClickHouseConnectionError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem =
    error instanceof TimeoutError || error instanceof ResetError
      ? error.message
      : ((code && TRANSPORT_PROBLEMS[code]) ?? (error.message || code || 'the request failed'));
  return new ClickHouseConnectionError(target.endpoint, problem, undefined, { cause: error });
}
