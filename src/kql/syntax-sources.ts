/**
 * The operators that start a tabular expression: `print`, `range`, `datatable`,
 * `externaldata`, `inline_external_table`, `find`, `macro-expand`, and `union`, `search` and
 * `evaluate`, which may also follow a `|`.
 */
import type { ColumnDeclaration, NameNode, NodeBase, TypeNode } from './syntax.js';
import type { Expression, ItemExpression } from './syntax-expressions.js';
import type { OperatorParameter } from './syntax-operators.js';

/** `print [name =] expression, ...`: a one-row table. */
export interface PrintOperator extends NodeBase {
  readonly kind: 'PrintOperator';
  readonly columns: readonly ItemExpression[];
}

/** `range name from start to stop step step`: a table of one column. */
export interface RangeOperator extends NodeBase {
  readonly kind: 'RangeOperator';
  readonly name: NameNode;
  readonly from: Expression;
  readonly to: Expression;
  readonly step: Expression;
}

/** `union [kind=...] [withsource=name] [isfuzzy=true] tables`, after `|` or starting a query. */
export interface UnionOperator extends NodeBase {
  readonly kind: 'UnionOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly tables: readonly Expression[];
}

/** `search [kind=case_sensitive] [in (tables)] predicate`, after a `|` or starting a query. */
export interface SearchOperator extends NodeBase {
  readonly kind: 'SearchOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly tables: readonly Expression[] | null;
  readonly predicate: Expression;
}

/** `evaluate [hints] plugin(args) [: (schema)]`, after a `|` or starting a query. */
export interface EvaluateOperator extends NodeBase {
  readonly kind: 'EvaluateOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly plugin: Expression;
  /** The schema the plugin's output is declared to have, when given. */
  readonly outputSchema: TypeNode | null;
}

/** `datatable (schema) [values]`. */
export interface DataTableOperator extends NodeBase {
  readonly kind: 'DataTableOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly schema: readonly ColumnDeclaration[];
  /** The cells, row after row. */
  readonly values: readonly Expression[];
}

/** `externaldata (schema) [uris] [with (name = value, ...)]`. */
export interface ExternalDataOperator extends NodeBase {
  readonly kind: 'ExternalDataOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly schema: readonly ColumnDeclaration[];
  readonly uris: readonly Expression[];
  readonly properties: readonly OperatorParameter[];
}

/**
 * `inline_external_table [(schema)] kind=... [partition by (...)] [pathformat=(...)]
 * [dataformat=...] (uris) [with (name = value, ...)]`.
 */
export interface InlineExternalTableOperator extends NodeBase {
  readonly kind: 'InlineExternalTableOperator';
  readonly schema: readonly ColumnDeclaration[] | null;
  readonly parameters: readonly OperatorParameter[];
  /** The virtual columns the storage is partitioned by: `Day:datetime = startofday(t)`. */
  readonly partitions: readonly ColumnDeclaration[];
  /** The parts of the path format, concatenated: strings, names, `datetime_pattern(...)`. */
  readonly pathFormat: readonly Expression[] | null;
  readonly uris: readonly Expression[];
  readonly properties: readonly OperatorParameter[];
}

/** `find [withsource=name] [in (tables)] where predicate [project ... | project-smart]`. */
export interface FindOperator extends NodeBase {
  readonly kind: 'FindOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly tables: readonly Expression[] | null;
  readonly predicate: Expression;
  readonly projection: FindProjection | null;
}

/** The `project` or `project-smart` clause ending a `find`. */
export interface FindProjection extends NodeBase {
  readonly kind: 'FindProjection';
  readonly mode: 'project' | 'project-smart';
  readonly columns: readonly FindColumn[];
}

/** `name[:type]` in a `find` projection. */
export interface FindColumn extends NodeBase {
  readonly kind: 'FindColumn';
  readonly name: NameNode;
  readonly type: TypeNode | null;
}

/** `macro-expand [isfuzzy=true] group as alias (query)`. */
export interface MacroExpandOperator extends NodeBase {
  readonly kind: 'MacroExpandOperator';
  readonly parameters: readonly OperatorParameter[];
  readonly entityGroup: Expression;
  readonly alias: NameNode;
  readonly body: Expression;
}
