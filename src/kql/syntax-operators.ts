/**
 * Query operators of the KQL syntax tree: what follows a `|`. This file has the operators that
 * filter, shape and order rows and the pieces many operators share; syntax-transforms.ts has
 * those that aggregate, expand, parse and combine; syntax-sources.ts those that start a query;
 * syntax-graph.ts the graph operators.
 */
import type { NameNode, NodeBase } from './syntax.js';
import type { Expression, ItemExpression, NamedExpression } from './syntax-expressions.js';
import type { GraphOperator } from './syntax-graph.js';
import type { EvaluateOperator, SearchOperator, UnionOperator } from './syntax-sources.js';
import type {
  FacetOperator,
  ForkOperator,
  JoinOperator,
  LookupOperator,
  MakeSeriesOperator,
  MvApplyOperator,
  MvExpandOperator,
  ParseKvOperator,
  ParseOperator,
  ParseWhereOperator,
  PartitionOperator,
  ReduceOperator,
  SampleDistinctOperator,
  ScanOperator,
  SummarizeOperator,
  TopHittersOperator,
  TopNestedOperator,
} from './syntax-transforms.js';

/** Every operator that can follow a `|`, and its placeholder. */
export type QueryOperator =
  | AsOperator
  | ConsumeOperator
  | CountOperator
  | DistinctOperator
  | EvaluateOperator
  | ExtendOperator
  | FacetOperator
  | ForkOperator
  | GetSchemaOperator
  | InvokeOperator
  | JoinOperator
  | LookupOperator
  | MakeSeriesOperator
  | MvApplyOperator
  | MvExpandOperator
  | ParseOperator
  | ParseWhereOperator
  | ParseKvOperator
  | PartitionOperator
  | ProjectOperator
  | ProjectAwayOperator
  | ProjectKeepOperator
  | ProjectRenameOperator
  | ProjectReorderOperator
  | ProjectByNamesOperator
  | ReduceOperator
  | RenderOperator
  | SampleOperator
  | SampleDistinctOperator
  | ScanOperator
  | SearchOperator
  | SerializeOperator
  | SortOperator
  | SummarizeOperator
  | TakeOperator
  | TopOperator
  | TopHittersOperator
  | TopNestedOperator
  | UnionOperator
  | WhereOperator
  | GraphOperator
  | MissingOperator;

/**
 * `name=value` before an operator's arguments: `kind=inner`, `hint.strategy=shuffle`,
 * `withsource=T`, `isfuzzy=true`. A bare word value (`inner`) is a `NameReference`.
 */
export interface OperatorParameter extends NodeBase {
  readonly kind: 'OperatorParameter';
  /** The parameter's name as written, dots included: `hint.strategy`. */
  readonly name: string;
  readonly value: Expression;
}

/** Sort directions; the `granny-` forms belong to `project-reorder`. */
export type SortDirection = 'asc' | 'desc' | 'granny-asc' | 'granny-desc';

/** An expression with an optional direction and null placement: `x desc nulls last`. */
export interface OrderedExpression extends NodeBase {
  readonly kind: 'OrderedExpression';
  readonly expression: Expression;
  readonly direction: SortDirection | null;
  readonly nulls: 'first' | 'last' | null;
}

/** Operators given as a sub-query without a source: `fork (where x | take 3)`. */
export interface OperatorPipeline extends NodeBase {
  readonly kind: 'OperatorPipeline';
  readonly operators: readonly QueryOperator[];
}

/** `as [hint.materialized=true] Name`. */
export interface AsOperator extends NodeBase {
  readonly kind: 'AsOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly name: NameNode;
}

/** `consume [decodeblocks=true]`. */
export interface ConsumeOperator extends NodeBase {
  readonly kind: 'ConsumeOperator';
  readonly parameters: readonly OperatorParameter[];
}

/** `count`. */
export interface CountOperator extends NodeBase {
  readonly kind: 'CountOperator';
}

/** `distinct a, b` or `distinct *`. */
export interface DistinctOperator extends NodeBase {
  readonly kind: 'DistinctOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly columns: readonly Expression[];
}

/** `extend [name =] expression, ...`. */
export interface ExtendOperator extends NodeBase {
  readonly kind: 'ExtendOperator';
  readonly columns: readonly ItemExpression[];
}

/** `getschema`. */
export interface GetSchemaOperator extends NodeBase {
  readonly kind: 'GetSchemaOperator';
}

/** `invoke f(args)`: calls a tabular function with the input as its first argument. */
export interface InvokeOperator extends NodeBase {
  readonly kind: 'InvokeOperator';
  readonly call: Expression;
}

/** `project [name =] expression, ...`. */
export interface ProjectOperator extends NodeBase {
  readonly kind: 'ProjectOperator';
  readonly columns: readonly ItemExpression[];
}

/** `project-away column-or-pattern, ...`. */
export interface ProjectAwayOperator extends NodeBase {
  readonly kind: 'ProjectAwayOperator';
  readonly columns: readonly Expression[];
}

/** `project-keep column-or-pattern, ...`. */
export interface ProjectKeepOperator extends NodeBase {
  readonly kind: 'ProjectKeepOperator';
  readonly columns: readonly Expression[];
}

/** `project-rename new = old, ...`. */
export interface ProjectRenameOperator extends NodeBase {
  readonly kind: 'ProjectRenameOperator';
  readonly columns: readonly NamedExpression[];
}

/** `project-reorder column-or-pattern [asc|desc|granny-asc|granny-desc], ...`. */
export interface ProjectReorderOperator extends NodeBase {
  readonly kind: 'ProjectReorderOperator';
  readonly columns: readonly OrderedExpression[];
}

/** `project-by-names "name", dynamic([...]), ...`. */
export interface ProjectByNamesOperator extends NodeBase {
  readonly kind: 'ProjectByNamesOperator';
  readonly columns: readonly Expression[];
}

/** `render chart [with (name = value, ...)]`; a value may be a list: `ycolumns = a, b`. */
export interface RenderOperator extends NodeBase {
  readonly kind: 'RenderOperator';
  readonly chart: NameNode;
  readonly properties: readonly RenderProperty[];
}

/** One property of a `render`. */
export interface RenderProperty extends NodeBase {
  readonly kind: 'RenderProperty';
  readonly name: string;
  readonly values: readonly Expression[];
}

/** `sample n`. */
export interface SampleOperator extends NodeBase {
  readonly kind: 'SampleOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly count: Expression;
}

/** `serialize [name = expression, ...]`. */
export interface SerializeOperator extends NodeBase {
  readonly kind: 'SerializeOperator';
  readonly columns: readonly ItemExpression[];
}

/** `sort by ...` or `order by ...`. */
export interface SortOperator extends NodeBase {
  readonly kind: 'SortOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly columns: readonly OrderedExpression[];
}

/** `take n` or `limit n`. */
export interface TakeOperator extends NodeBase {
  readonly kind: 'TakeOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly count: Expression;
}

/** `top n by expression [asc|desc] [nulls first|last]`. */
export interface TopOperator extends NodeBase {
  readonly kind: 'TopOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly count: Expression;
  readonly by: OrderedExpression;
}

/** `where predicate` or `filter predicate`. */
export interface WhereOperator extends NodeBase {
  readonly kind: 'WhereOperator';
  readonly predicate: Expression;
}

/** An operator the parser expected after `|` and did not find, or did not know. */
export interface MissingOperator extends NodeBase {
  readonly kind: 'MissingOperator';
  /** The unknown operator's name as written; empty when nothing stood there. */
  readonly text: string;
}
