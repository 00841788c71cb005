/**
 * Expressions inside a plan, compiled by an engine's expression compiler. In a plan, a column
 * reference names a column of the operator's input, not a stored column, so the compiler is
 * given a scope that says what SQL each input column reads as. For an engine that binds
 * parameters, every constant becomes a numbered placeholder and its value goes to `params`:
 * numbered, because the expression compiler may repeat a piece of SQL it was given.
 */
import type { Param } from '../engine/engine.js';
import { assertNever, InternalError } from '../errors.js';
import type { Cast, Expr, Literal } from '../plan/expr.js';
import type { ScalarType } from '../plan/types.js';
import type { SqlCompiler } from './compile.js';

/** An input column as SQL: the text that reads it, and its Kusto type. */
export interface ScopeColumn {
  readonly sql: string;
  readonly type: ScalarType;
}

/** The columns an expression may refer to, by name. */
export type Scope = ReadonlyMap<string, ScopeColumn>;

/** What the relational compiler asks of an expression compiler. */
export interface PlanExpressionCompiler extends SqlCompiler {
  /** The values of the placeholders written so far, in placeholder order. */
  readonly params: readonly Param[];
  /** The SQL of `expr`, its column references read in `scope`. */
  inScope(expr: Expr, scope: Scope): string;
  /** The same, read as `type`. */
  inScopeAs(expr: Expr, type: ScalarType, scope: Scope): string;
}

/** How constants reach the engine: as placeholders (`$1`) or, without one, as SQL text. */
export type Placeholder = ((position: number) => string) | undefined;

// A mixin's base must be constructible with any arguments, hence `any` here.
type CompilerClass = new (...args: any[]) => SqlCompiler;

/**
 * An expression compiler class that compiles plan expressions: `Base`'s SQL, with column
 * references read from a scope and, when `placeholder` is given, constants bound as
 * parameters.
 *
 * @example
 * const Compiler = planExpressions(DuckDBCompiler, (n) => `$${n}`);
 * const compiler = new Compiler();
 */
export function planExpressions<C extends CompilerClass>(
  Base: C,
  placeholder: Placeholder,
): new (...args: ConstructorParameters<C>) => InstanceType<C> & PlanExpressionCompiler {
  // Abstract only to the type checker, which cannot see that `Base` is a concrete class.
  abstract class Scoped extends Base implements PlanExpressionCompiler {
    readonly params: Param[] = [];
    /** Column references already resolved, each standing in for the SQL that reads it. */
    readonly resolved = new WeakMap<Cast, string>();

    inScope(expr: Expr, scope: Scope): string {
      return this.compile(this.resolve(expr, scope));
    }

    inScopeAs(expr: Expr, type: ScalarType, scope: Scope): string {
      return this.compileAs(this.resolve(expr, scope), type);
    }

    override compile(expr: Expr): string {
      const column = expr.kind === 'Cast' ? this.resolved.get(expr) : undefined;
      if (column !== undefined) return column;
      if (expr.kind === 'ColumnRef') throw new InternalError(`column ${expr.name} out of scope`);
      return super.compile(expr);
    }

    override compileAs(expr: Expr, type: ScalarType): string {
      if (expr.kind !== 'Literal' || !placeholder || expr.value === null) {
        return super.compileAs(expr, type);
      }
      const sql = this.literal(expr);
      return expr.type === type ? sql : this.convert(sql, expr.type, type);
    }

    protected override literal(expr: Literal): string {
      const { value, type } = expr;
      // A timespan is written from a number the compiler checks, never from text.
      if (!placeholder || value === null || type === 'timespan') return super.literal(expr);
      if (type === 'datetime' && typeof value === 'bigint') return super.literal(expr);

      this.params.push(value);
      const sql = placeholder(this.params.length);
      if (type === 'string' || type === 'bool') return sql;
      return `CAST(${sql} AS ${this.dialect.typeName(type)})`;
    }

    /**
     * `expr` with each column reference replaced by a cast to the column's type that
     * compiles to the column's SQL: the expression compiler then knows every column's type.
     */
    private resolve(expr: Expr, scope: Scope): Expr {
      switch (expr.kind) {
        case 'ColumnRef': {
          const column = scope.get(expr.name);
          if (!column) throw new InternalError(`no column ${expr.name} in scope`);
          const stand: Cast = { kind: 'Cast', type: column.type, arg: expr };
          this.resolved.set(stand, column.sql);
          return stand;
        }
        case 'Literal':
        case 'EventField':
        case 'RowField':
          return expr;
        case 'Call':
          return { ...expr, args: expr.args.map((a) => this.resolve(a, scope)) };
        case 'Case':
          return {
            ...expr,
            branches: expr.branches.map((b) => ({
              when: this.resolve(b.when, scope),
              then: this.resolve(b.then, scope),
            })),
            otherwise: this.resolve(expr.otherwise, scope),
          };
        case 'Cast':
          return { ...expr, arg: this.resolve(expr.arg, scope) };
        default:
          return assertNever(expr, 'expression');
      }
    }
  }
  return Scoped as unknown as new (
    ...args: ConstructorParameters<C>
  ) => InstanceType<C> & PlanExpressionCompiler;
}
