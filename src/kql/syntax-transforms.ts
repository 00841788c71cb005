/**
 * Query operators that aggregate (`summarize`, `make-series`, `top-nested`...), expand and
 * parse values (`mv-expand`, `parse`, `scan`...) and combine queries (`join`, `fork`,
 * `partition`...).
 */
import type { ColumnDeclaration, NameNode, NodeBase, TypeNode } from './syntax.js';
import type { Expression, ItemExpression, NamedExpression } from './syntax-expressions.js';
import type { StarExpression, StringLiteral } from './syntax-expressions.js';
import type { OperatorParameter, OperatorPipeline } from './syntax-operators.js';

/** `facet by a, b [with (operators)]`. */
export interface FacetOperator extends NodeBase {
  readonly kind: 'FacetOperator';
  readonly columns: readonly Expression[];
  readonly subquery: OperatorPipeline | null;
}

/** `fork (operators) [name = (operators)] ...`. */
export interface ForkOperator extends NodeBase {
  readonly kind: 'ForkOperator';
  readonly branches: readonly ForkBranch[];
}

/** One branch of a `fork`. */
export interface ForkBranch extends NodeBase {
  readonly kind: 'ForkBranch';
  readonly name: NameNode | null;
  readonly subquery: OperatorPipeline;
}

/** `join [kind=...] [hint.*=...] right on conditions`. */
export interface JoinOperator extends NodeBase {
  readonly kind: 'JoinOperator';
  readonly parameters: readonly OperatorParameter[];
  /** A table name or a `ParenthesizedExpression` holding a sub-query. */
  readonly right: Expression;
  /** Column names, or `$left.a == $right.b` comparisons joined by `and`; empty without `on`. */
  readonly conditions: readonly Expression[];
}

/** `lookup [kind=leftouter|inner] right on conditions`. */
export interface LookupOperator extends NodeBase {
  readonly kind: 'LookupOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly right: Expression;
  readonly conditions: readonly Expression[];
}

/**
 * `make-series [kind=nonempty] agg [default=v], ... on axis [from a] [to b] step s [by ...]`,
 * or the older `on axis in range(a, b, s)`.
 */
export interface MakeSeriesOperator extends NodeBase {
  readonly kind: 'MakeSeriesOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly aggregates: readonly MakeSeriesAggregate[];
  readonly axis: Expression;
  readonly from: Expression | null;
  readonly to: Expression | null;
  readonly step: Expression | null;
  /** True when the range was written `in range(from, to, step)`. */
  readonly inRange: boolean;
  readonly by: readonly ItemExpression[];
}

/** One aggregate of a `make-series`, with the value for empty bins. */
export interface MakeSeriesAggregate extends NodeBase {
  readonly kind: 'MakeSeriesAggregate';
  readonly expression: ItemExpression;
  readonly defaultValue: Expression | null;
}

/** `mv-apply [with_itemindex=i] items [limit n] on (operators)`. */
export interface MvApplyOperator extends NodeBase {
  readonly kind: 'MvApplyOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly items: readonly MvExpandItem[];
  readonly limit: Expression | null;
  readonly subquery: OperatorPipeline;
}

/** `mv-expand [kind=...] [bagexpansion=...] [with_itemindex=i] items [limit n]`. */
export interface MvExpandOperator extends NodeBase {
  readonly kind: 'MvExpandOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly items: readonly MvExpandItem[];
  readonly limit: Expression | null;
}

/** `[name =] array [to typeof(type)]` in `mv-expand` and `mv-apply`. */
export interface MvExpandItem extends NodeBase {
  readonly kind: 'MvExpandItem';
  readonly expression: ItemExpression;
  readonly type: TypeNode | null;
}

/** One piece of a `parse` pattern: `*`, a string, or a column to extract. */
export type ParsePatternItem = StarExpression | StringLiteral | ParseColumn;

/** `name[:type]` in a `parse` pattern. */
export interface ParseColumn extends NodeBase {
  readonly kind: 'ParseColumn';
  readonly name: NameNode;
  readonly type: TypeNode | null;
}

/** `parse [kind=simple|regex|relaxed] [flags=...] source with pattern`. */
export interface ParseOperator extends NodeBase {
  readonly kind: 'ParseOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly source: Expression;
  readonly pattern: readonly ParsePatternItem[];
}

/** `parse-where`: `parse` that drops the rows the pattern does not match. */
export interface ParseWhereOperator extends NodeBase {
  readonly kind: 'ParseWhereOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly source: Expression;
  readonly pattern: readonly ParsePatternItem[];
}

/** `parse-kv source as (key:type, ...) [with (name=value, ...)]`. */
export interface ParseKvOperator extends NodeBase {
  readonly kind: 'ParseKvOperator';
  readonly source: Expression;
  readonly keys: readonly ColumnDeclaration[];
  readonly properties: readonly OperatorParameter[];
}

/** `partition [hints] by column (operators)` or `... by column { query }`. */
export interface PartitionOperator extends NodeBase {
  readonly kind: 'PartitionOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly by: Expression;
  /** Operators applied to each partition, or a braced query that refers to it. */
  readonly body: OperatorPipeline | Expression;
}

/** `reduce [kind=...] by expression [with threshold=..., characters=...]`. */
export interface ReduceOperator extends NodeBase {
  readonly kind: 'ReduceOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly by: Expression;
  readonly properties: readonly OperatorParameter[];
}

/** `sample-distinct n of column`. */
export interface SampleDistinctOperator extends NodeBase {
  readonly kind: 'SampleDistinctOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly count: Expression;
  readonly of: Expression;
}

/** `scan [with_match_id=id] [declare (columns)] with (steps)`. */
export interface ScanOperator extends NodeBase {
  readonly kind: 'ScanOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly declarations: readonly ColumnDeclaration[];
  readonly steps: readonly ScanStep[];
}

/** `step name [output=all|last|none]: condition [=> name = value, ...];`. */
export interface ScanStep extends NodeBase {
  readonly kind: 'ScanStep';
  readonly name: NameNode;
  readonly output: string | null;
  readonly condition: Expression;
  readonly assignments: readonly NamedExpression[];
}

/** `summarize [hints] [aggregates] [by groups]`. */
export interface SummarizeOperator extends NodeBase {
  readonly kind: 'SummarizeOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly aggregates: readonly ItemExpression[];
  readonly by: readonly ItemExpression[];
}

/** `top-hitters n of column [by sum-column]`. */
export interface TopHittersOperator extends NodeBase {
  readonly kind: 'TopHittersOperator';
  readonly count: Expression;
  readonly of: Expression;
  readonly by: Expression | null;
}

/** `top-nested [n] of ... by ..., top-nested ...`. */
export interface TopNestedOperator extends NodeBase {
  readonly kind: 'TopNestedOperator';
  readonly clauses: readonly TopNestedClause[];
}

/** `[n] of expression [with others = value] by aggregate [asc|desc]`. */
export interface TopNestedClause extends NodeBase {
  readonly kind: 'TopNestedClause';
  readonly count: Expression | null;
  readonly of: ItemExpression;
  readonly others: Expression | null;
  readonly by: ItemExpression;
  readonly direction: 'asc' | 'desc' | null;
}
