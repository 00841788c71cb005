/**
 * Graph operators of the KQL syntax tree: `make-graph` builds a graph from edge and node tables,
 * `graph-match` and `graph-shortest-paths` find patterns in it, `graph-to-table` and
 * `graph-mark-components` turn it back into tables.
 */
import type { NameNode, NodeBase } from './syntax.js';
import type { Expression, ItemExpression } from './syntax-expressions.js';
import type { OperatorParameter, OperatorPipeline } from './syntax-operators.js';

/** The graph operators. */
export type GraphOperator =
  | MakeGraphOperator
  | GraphMatchOperator
  | GraphShortestPathsOperator
  | GraphToTableOperator
  | GraphMarkComponentsOperator;

/** `make-graph source --> target [with nodes on key, ... | with_node_id=name]`. */
export interface MakeGraphOperator extends NodeBase {
  readonly kind: 'MakeGraphOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly source: Expression;
  /** True for `-->`, false for `--`. */
  readonly directed: boolean;
  readonly target: Expression;
  readonly nodeTables: readonly MakeGraphNodeTable[];
  /** `partitioned-by column (operators)`: one graph per value, each run through the operators. */
  readonly partitionedBy: MakeGraphPartition | null;
}

/** The `partitioned-by column (operators)` clause of `make-graph`. */
export interface MakeGraphPartition extends NodeBase {
  readonly kind: 'MakeGraphPartition';
  readonly column: Expression;
  readonly subquery: OperatorPipeline;
}

/** `table on key` in `make-graph ... with`. */
export interface MakeGraphNodeTable extends NodeBase {
  readonly kind: 'MakeGraphNodeTable';
  readonly table: Expression;
  readonly key: Expression;
}

/** `graph-match [cycles=...] patterns [where predicate] [project columns]`. */
export interface GraphMatchOperator extends NodeBase {
  readonly kind: 'GraphMatchOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly patterns: readonly GraphPattern[];
  readonly where: Expression | null;
  readonly project: readonly ItemExpression[] | null;
}

/** `graph-shortest-paths [output=any|all] patterns [where predicate] [project columns]`. */
export interface GraphShortestPathsOperator extends NodeBase {
  readonly kind: 'GraphShortestPathsOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly patterns: readonly GraphPattern[];
  readonly where: Expression | null;
  readonly project: readonly ItemExpression[] | null;
}

/** A path pattern: nodes joined by edges, `(a)-[e*1..3]->(b)<--(c)`. */
export interface GraphPattern extends NodeBase {
  readonly kind: 'GraphPattern';
  /** Nodes and edges alternating, starting and ending with a node. */
  readonly elements: readonly (GraphNode | GraphEdge)[];
}

/** `(name)` or `()` in a pattern. */
export interface GraphNode extends NodeBase {
  readonly kind: 'GraphNode';
  readonly name: NameNode | null;
}

/** An edge: `-->`, `<--`, `--`, `-[e]->`, `<-[e*1..3]-`, `-[e]-`. */
export interface GraphEdge extends NodeBase {
  readonly kind: 'GraphEdge';
  readonly name: NameNode | null;
  /** `forward` for `->`, `backward` for `<-`, `any` for an edge without an arrow. */
  readonly direction: 'forward' | 'backward' | 'any';
  /** `*min..max` after the name: a variable-length edge; `null` for one hop. */
  readonly minHops: Expression | null;
  readonly maxHops: Expression | null;
}

/** `graph-to-table nodes [as name] [with_node_id=...], edges [as name] [...]`. */
export interface GraphToTableOperator extends NodeBase {
  readonly kind: 'GraphToTableOperator';
  readonly outputs: readonly GraphToTableOutput[];
}

/** One of `nodes` or `edges` in a `graph-to-table`. */
export interface GraphToTableOutput extends NodeBase {
  readonly kind: 'GraphToTableOutput';
  readonly entity: 'nodes' | 'edges';
  readonly alias: NameNode | null;
  readonly parameters: readonly OperatorParameter[];
}

/** `graph-mark-components [kind=...] [with_component_id=name]`. */
export interface GraphMarkComponentsOperator extends NodeBase {
  readonly kind: 'GraphMarkComponentsOperator';
  readonly parameters: readonly OperatorParameter[];
}
