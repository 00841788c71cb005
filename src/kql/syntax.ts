/**
 * The KQL syntax tree: readonly nodes, each with a `kind` and the `span` of source text it
 * covers. Node names follow the language's own vocabulary (`WhereOperator`, `LetStatement`).
 * Expressions live in syntax-expressions.ts and query operators in syntax-operators.ts and its
 * siblings; this file holds the query, its statements, names and types, and re-exports the rest.
 */
import type { Expression } from './syntax-expressions.js';

export type * from './syntax-expressions.js';
export type * from './syntax-operators.js';
export type * from './syntax-transforms.js';
export type * from './syntax-sources.js';
export type * from './syntax-graph.js';

/** A range of source text: `start` is the first offset, `end` the offset just past the last. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What every node has. */
export interface NodeBase {
  readonly span: Span;
}

/** A whole query: statements separated by `;`, usually lets then one tabular expression. */
export interface Query extends NodeBase {
  readonly kind: 'Query';
  readonly statements: readonly Statement[];
}

/** One statement of a query or of a function body. */
export type Statement =
  | LetStatement
  | SetStatement
  | DeclareQueryParametersStatement
  | AliasStatement
  | PatternStatement
  | RestrictStatement
  | ExpressionStatement;

/** `let name = value`: binds a scalar, a tabular expression or a function. */
export interface LetStatement extends NodeBase {
  readonly kind: 'LetStatement';
  readonly name: NameNode;
  readonly value: Expression | FunctionDefinition;
}

/** `(params) { body }` or `view (params) { body }` on the right of a `let`. */
export interface FunctionDefinition extends NodeBase {
  readonly kind: 'FunctionDefinition';
  /** True for `view`: the function acts as a table in `union *` and `search *`. */
  readonly isView: boolean;
  readonly parameters: readonly Parameter[];
  readonly body: FunctionBody;
}

/** The statements between a function's braces; the last is its result. */
export interface FunctionBody extends NodeBase {
  readonly kind: 'FunctionBody';
  readonly statements: readonly Statement[];
}

/** A declared parameter: `n:int = 5`, `T:(x:string)`, `T:(*)`. */
export interface Parameter extends NodeBase {
  readonly kind: 'Parameter';
  readonly name: NameNode;
  readonly type: TypeNode;
  readonly defaultValue: Expression | null;
}

/** `set name = value` or `set name`: a request property for this query. */
export interface SetStatement extends NodeBase {
  readonly kind: 'SetStatement';
  readonly name: NameNode;
  readonly value: Expression | null;
}

/** `declare query_parameters(name:type [= default], ...)`. */
export interface DeclareQueryParametersStatement extends NodeBase {
  readonly kind: 'DeclareQueryParametersStatement';
  readonly parameters: readonly Parameter[];
}

/** `alias database name = cluster('c').database('d')`. */
export interface AliasStatement extends NodeBase {
  readonly kind: 'AliasStatement';
  readonly name: NameNode;
  readonly value: Expression;
}

/**
 * `declare pattern name = (args)[path] { (values).[path] = { query }; ... }`, or only
 * `declare pattern name` (definitions `null`).
 */
export interface PatternStatement extends NodeBase {
  readonly kind: 'PatternStatement';
  readonly name: NameNode;
  readonly parameters: readonly Parameter[];
  readonly pathParameter: Parameter | null;
  readonly definitions: readonly PatternDefinition[] | null;
}

/** One `("a").["b"] = { query }` entry of a pattern. */
export interface PatternDefinition extends NodeBase {
  readonly kind: 'PatternDefinition';
  readonly arguments: readonly Expression[];
  readonly path: Expression | null;
  readonly body: Expression;
}

/** `restrict access to (T1, database('d').*)`. */
export interface RestrictStatement extends NodeBase {
  readonly kind: 'RestrictStatement';
  readonly entities: readonly Expression[];
}

/** A statement that is an expression: the query's tabular result, or a function's result. */
export interface ExpressionStatement extends NodeBase {
  readonly kind: 'ExpressionStatement';
  readonly expression: Expression;
}

/** A name being declared or chosen: `x` in `extend x = 1`, `['x y']`, `$left`. */
export interface Name extends NodeBase {
  readonly kind: 'Name';
  /** The name itself, without brackets or quotes. */
  readonly text: string;
}

/** A name the parser expected and did not find; a diagnostic says so. */
export interface MissingName extends NodeBase {
  readonly kind: 'MissingName';
}

/** A name, or its placeholder when missing. */
export type NameNode = Name | MissingName;

/** A declared type: a scalar type, a tabular schema, or its placeholder. */
export type TypeNode = ScalarType | TabularType | MissingType;

/** `string`, `long`, `datetime`... as written (`double`, `boolean` and kin included). */
export interface ScalarType extends NodeBase {
  readonly kind: 'ScalarType';
  readonly name: string;
}

/** `(a:string, b:long)`, `(*)` or `(*, a:string)`: a table's schema. */
export interface TabularType extends NodeBase {
  readonly kind: 'TabularType';
  readonly columns: readonly ColumnDeclaration[];
  /** True when the schema has a `*`: the table may have more columns than these. */
  readonly open: boolean;
}

/** A type the parser expected and did not find. */
export interface MissingType extends NodeBase {
  readonly kind: 'MissingType';
}

/** `name:type`, in schemas; `scan` declarations also take `= default`. */
export interface ColumnDeclaration extends NodeBase {
  readonly kind: 'ColumnDeclaration';
  readonly name: NameNode;
  readonly type: TypeNode;
  readonly defaultValue: Expression | null;
}
