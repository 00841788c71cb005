/**
 * What the tables of function SQL share: the shape of an entry and the checks every entry
 * makes of its arguments.
 */
import { InternalError } from '../errors.js';
import type { Expr, FunctionName } from '../plan/expr.js';
import type { SqlCompiler } from './compile.js';
import { literalText } from './literals.js';

/** Compiles one call. */
export type FunctionSql = (compiler: SqlCompiler, args: readonly Expr[]) => string;

/** Checks a call's argument count: plans are built by Quarry, so a wrong count is a bug. */
export function arity(
  fn: FunctionName,
  args: readonly Expr[],
  min: number,
  max = min,
): readonly Expr[] {
  if (args.length < min || args.length > max) {
    throw new InternalError(`${fn} takes ${min === max ? min : `${min} to ${max}`} arguments`);
  }
  return args;
}

/** A function of exactly `n` arguments, given as SQL. */
export const sqlOf =
  (fn: FunctionName, n: number, body: (c: SqlCompiler, sql: string[]) => string): FunctionSql =>
  (c, args) =>
    body(
      c,
      arity(fn, args, n).map((a) => c.compile(a)),
    );

/** A function of exactly `n` arguments, given as expressions. */
export const exprsOf =
  (fn: FunctionName, n: number, body: (c: SqlCompiler, args: readonly Expr[]) => string) =>
  (c: SqlCompiler, args: readonly Expr[]): string =>
    body(c, arity(fn, args, n));

/** A function without arguments. */
export const noArgs =
  (fn: FunctionName, body: (c: SqlCompiler) => string): FunctionSql =>
  (c, args) => {
    arity(fn, args, 0);
    return body(c);
  };

/** Compiles an argument lower-cased, for case-insensitive operators. */
export const lowered = (c: SqlCompiler, arg: Expr): string => c.lowerCase(c.compile(arg));

/** The text of a string constant a function needs at compile time (a period, a zone). */
export function constantArg(expr: Expr | undefined, fn: FunctionName): string {
  const text = expr && literalText(expr);
  if (text === undefined) throw new InternalError(`${fn} takes a string constant here`);
  return text;
}
