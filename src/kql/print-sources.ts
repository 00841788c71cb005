/**
 * Prints the operators that start a query (`print`, `range`, `union`, `datatable`...) and the
 * graph operators back as KQL.
 */
import { assertNever } from '../errors.js';
import { printParameters, printPipeline, printProperties } from './print-operators.js';
import { list, printColumnDeclaration, printExpression, printItem, printName } from './print.js';
import { printType, words } from './print.js';
import type * as S from './syntax.js';

type Source = S.SourceOperator | S.SearchOperator | S.EvaluateOperator | S.UnionOperator;

/** Prints an operator that starts a query (or that may also follow a `|`). */
export function printSourceOperator(o: Source): string {
  switch (o.kind) {
    case 'PrintOperator':
      return `print ${list(o.columns, printItem)}`;
    case 'RangeOperator': {
      const bounds = `from ${printExpression(o.from)} to ${printExpression(o.to)}`;
      return `range ${printName(o.name)} ${bounds} step ${printExpression(o.step)}`;
    }
    case 'UnionOperator':
      return words('union', printParameters(o.parameters), list(o.tables, printExpression));
    case 'SearchOperator':
      return words('search', printParameters(o.parameters), printTables(o.tables), predicate(o));
    case 'FindOperator': {
      const where = `where ${printExpression(o.predicate)}`;
      const tables = printTables(o.tables);
      return words('find', printParameters(o.parameters), tables, where, printFindProjection(o));
    }
    case 'EvaluateOperator': {
      const schema = o.outputSchema && `: ${printType(o.outputSchema)}`;
      return words('evaluate', printParameters(o.parameters), printExpression(o.plugin), schema);
    }
    case 'DataTableOperator':
      return `datatable(${columns(o.schema)}) [${list(o.values, printExpression)}]`;
    case 'ExternalDataOperator': {
      const properties = o.properties.length > 0 && `with (${printProperties(o.properties)})`;
      const uris = `[${list(o.uris, printExpression)}]`;
      return words(`externaldata (${columns(o.schema)})`, uris, properties);
    }
    case 'InlineExternalTableOperator':
      return printInlineExternalTable(o);
    case 'MacroExpandOperator': {
      const group = printExpression(o.entityGroup);
      const body = `(${printExpression(o.body)})`;
      return words(
        'macro-expand',
        printParameters(o.parameters),
        group,
        'as',
        printName(o.alias),
        body,
      );
    }
    default:
      return assertNever(o, 'source operator');
  }
}

function predicate(o: S.SearchOperator): string {
  return printExpression(o.predicate);
}

function printTables(tables: readonly S.Expression[] | null): string | null {
  return tables && `in (${list(tables, printExpression)})`;
}

function columns(schema: readonly S.ColumnDeclaration[]): string {
  return list(schema, printColumnDeclaration);
}

function printFindProjection(o: S.FindOperator): string | null {
  const projection = o.projection;
  if (!projection) return null;
  const printed = projection.columns.map((c) =>
    c.type ? `${printName(c.name)}:${printType(c.type)}` : printName(c.name),
  );
  return words(projection.mode, printed.join(', '));
}

function printInlineExternalTable(o: S.InlineExternalTableOperator): string {
  const schema = o.schema ? `(${columns(o.schema)})` : '';
  const partitions = o.partitions.length > 0 && `partition by (${columns(o.partitions)})`;
  const path =
    o.pathFormat && `pathformat=(${o.pathFormat.map((e) => printExpression(e)).join(' ')})`;
  const uris = `(${list(o.uris, printExpression)})`;
  const properties = o.properties.length > 0 && `with (${printProperties(o.properties)})`;
  const clauses = [printParameters(o.parameters), partitions, path, uris, properties];
  return words(`inline_external_table${schema}`, ...clauses);
}

/** Prints a graph operator. */
export function printGraphOperator(o: S.GraphOperator): string {
  switch (o.kind) {
    case 'MakeGraphOperator':
      return printMakeGraph(o);
    case 'GraphMatchOperator':
    case 'GraphShortestPathsOperator': {
      const keyword = o.kind === 'GraphMatchOperator' ? 'graph-match' : 'graph-shortest-paths';
      const patterns = list(o.patterns, printGraphPattern);
      const where = o.where && `where ${printExpression(o.where)}`;
      const project = o.project && `project ${list(o.project, printItem)}`;
      return words(keyword, printParameters(o.parameters), patterns, where, project);
    }
    case 'GraphToTableOperator': {
      const outputs = o.outputs.map((output) => {
        const alias = output.alias && `as ${printName(output.alias)}`;
        return words(output.entity, alias, printParameters(output.parameters));
      });
      return `graph-to-table ${outputs.join(', ')}`;
    }
    case 'GraphMarkComponentsOperator':
      return words('graph-mark-components', printParameters(o.parameters));
    default:
      return assertNever(o, 'graph operator');
  }
}

function printMakeGraph(o: S.MakeGraphOperator): string {
  const arrow = o.directed ? '-->' : '--';
  const tables = o.nodeTables.map(
    (t) => `${printExpression(t.table)} on ${printExpression(t.key)}`,
  );
  const withClause = tables.length > 0 && `with ${tables.join(', ')}`;
  const partition = o.partitionedBy;
  const partitioned =
    partition &&
    `partitioned-by ${printExpression(partition.column)} (${printPipeline(partition.subquery)})`;
  const edge = `${printExpression(o.source)} ${arrow} ${printExpression(o.target)}`;
  return words('make-graph', edge, withClause, printParameters(o.parameters), partitioned);
}

function printGraphPattern(pattern: S.GraphPattern): string {
  return pattern.elements
    .map((element) => (element.kind === 'GraphNode' ? printGraphNode(element) : printEdge(element)))
    .join('');
}

function printGraphNode(node: S.GraphNode): string {
  return `(${node.name ? printName(node.name) : ''})`;
}

function printEdge(edge: S.GraphEdge): string {
  const hops = edge.minHops && `*${printExpression(edge.minHops)}`;
  const max = edge.maxHops ? `..${printExpression(edge.maxHops)}` : '';
  const inner = `${edge.name ? printName(edge.name) : ''}${hops ? hops + max : ''}`;
  const body = inner ? `-[${inner}]-` : '--';
  if (edge.direction === 'forward') return `${body}>`;
  return edge.direction === 'backward' ? `<${body}` : body;
}
