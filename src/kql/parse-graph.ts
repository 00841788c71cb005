/**
 * The graph operators: `make-graph`, `graph-match`, `graph-shortest-paths`, `graph-to-table`
 * and `graph-mark-components`, with the path patterns `(a)-[e*1..3]->(b)<--(c)`. Each parser
 * starts after the operator's keyword.
 */
import type { ParseContext } from './parse-context.js';
import { parseItemList, parseOperatorParameters } from './parse-clauses.js';
import { parseExpression, parsePostfix } from './parse-expressions.js';
import { atName, parseColumnReference, parseName } from './parse-names.js';
import { parseParenthesizedPipeline } from './parse-subqueries.js';
import type { Expression } from './syntax-expressions.js';
import type * as G from './syntax-graph.js';

/** `make-graph source --> target [with table on key, ... | with_node_id=name]`. */
export function parseMakeGraph(p: ParseContext, start: number): G.MakeGraphOperator {
  const source = parsePostfix(p);
  const directed = parseGraphArrow(p);
  const target = parsePostfix(p);
  const nodeTables: G.MakeGraphNodeTable[] = [];
  if (p.eatWord('with')) {
    do nodeTables.push(parseNodeTable(p));
    while (p.eat(','));
  }
  const parameters = nodeTables.length > 0 ? [] : parseOperatorParameters(p, ['with_node_id']);
  const partitionedBy = parsePartitionedBy(p);
  const span = p.spanFrom(start);
  const graph = { parameters, source, directed, target, nodeTables, partitionedBy };
  return { kind: 'MakeGraphOperator', span, ...graph };
}

/** `partitioned-by column (operators)`, or `null` when the clause is absent. */
function parsePartitionedBy(p: ParseContext): G.MakeGraphPartition | null {
  const word = p.hyphenatedWord();
  if (word?.text !== 'partitioned-by') return null;
  const start = p.token.start;
  p.skip(word.tokens);
  const column = parseColumnReference(p);
  const subquery = parseParenthesizedPipeline(p);
  return { kind: 'MakeGraphPartition', span: p.spanFrom(start), column, subquery };
}

/** `-->` (true) or `--` (false). */
function parseGraphArrow(p: ParseContext): boolean {
  if (!p.at('-') || p.peek(1).kind !== '-') {
    p.expected('ExpectedToken', "'-->' or '--'");
    return true;
  }
  p.skip(2);
  return p.eat('>') !== undefined;
}

function parseNodeTable(p: ParseContext): G.MakeGraphNodeTable {
  const start = p.token.start;
  const table = parsePostfix(p);
  p.expectWord('on');
  const key = parsePostfix(p);
  return { kind: 'MakeGraphNodeTable', span: p.spanFrom(start), table, key };
}

/** `graph-match [cycles=...] patterns [where predicate] [project columns]`. */
export function parseGraphMatch(p: ParseContext, start: number): G.GraphMatchOperator {
  const parameters = parseOperatorParameters(p, ['cycles']);
  const body = parsePatternBody(p);
  return { kind: 'GraphMatchOperator', span: p.spanFrom(start), parameters, ...body };
}

/** `graph-shortest-paths [output=any|all] patterns [where predicate] [project columns]`. */
export function parseGraphShortestPaths(
  p: ParseContext,
  start: number,
): G.GraphShortestPathsOperator {
  const parameters = parseOperatorParameters(p, ['output']);
  const body = parsePatternBody(p);
  return { kind: 'GraphShortestPathsOperator', span: p.spanFrom(start), parameters, ...body };
}

function parsePatternBody(p: ParseContext) {
  const patterns = [parsePattern(p)];
  while (p.eat(',')) patterns.push(parsePattern(p));
  const where = p.eatWord('where') ? parseExpression(p) : null;
  const project = p.eatWord('project') ? parseItemList(p) : null;
  return { patterns, where, project };
}

function parsePattern(p: ParseContext): G.GraphPattern {
  const start = p.token.start;
  const elements: (G.GraphNode | G.GraphEdge)[] = [parseNode(p)];
  while (p.at('-') || p.at('<')) {
    elements.push(parseEdge(p));
    elements.push(parseNode(p));
  }
  return { kind: 'GraphPattern', span: p.spanFrom(start), elements };
}

function parseNode(p: ParseContext): G.GraphNode {
  const start = p.token.start;
  p.expect('(', "'(' to start a node");
  const name = atName(p) ? parseName(p) : null;
  p.expect(')', "')' to end the node");
  return { kind: 'GraphNode', span: p.spanFrom(start), name };
}

function parseEdge(p: ParseContext): G.GraphEdge {
  const start = p.token.start;
  const backward = p.eat('<') !== undefined;
  p.expect('-', "'-' to start an edge");
  let name: G.GraphEdge['name'] = null;
  let minHops: Expression | null = null;
  let maxHops: Expression | null = null;
  if (p.eat('[')) {
    name = atName(p) ? parseName(p) : null;
    if (p.eat('*')) {
      minHops = parsePostfix(p);
      maxHops = p.eat('..') ? parsePostfix(p) : null;
    }
    p.expect(']', "']' to end the edge");
  }
  p.expect('-', "'-' to end the edge");
  const forward = !backward && p.eat('>') !== undefined;
  const direction = backward ? 'backward' : forward ? 'forward' : 'any';
  return { kind: 'GraphEdge', span: p.spanFrom(start), name, direction, minHops, maxHops };
}

const GRAPH_TO_TABLE_PARAMETERS = ['with_node_id', 'with_source_id', 'with_target_id'];

/** `graph-to-table nodes [as name] [...], edges [as name] [...]`. */
export function parseGraphToTable(p: ParseContext, start: number): G.GraphToTableOperator {
  const outputs = [parseGraphOutput(p)];
  while (p.eat(',')) outputs.push(parseGraphOutput(p));
  return { kind: 'GraphToTableOperator', span: p.spanFrom(start), outputs };
}

function parseGraphOutput(p: ParseContext): G.GraphToTableOutput {
  const start = p.token.start;
  const entity = p.eatWord('edges') ? 'edges' : 'nodes';
  if (entity === 'nodes' && !p.eatWord('nodes')) p.expected('ExpectedToken', "'nodes' or 'edges'");
  const alias = p.eatWord('as') ? parseName(p, "a table name after 'as'") : null;
  const parameters = parseOperatorParameters(p, GRAPH_TO_TABLE_PARAMETERS);
  return { kind: 'GraphToTableOutput', span: p.spanFrom(start), entity, alias, parameters };
}

/** `graph-mark-components [kind=...] [with_component_id=name]`. */
export function parseGraphMarkComponents(
  p: ParseContext,
  start: number,
): G.GraphMarkComponentsOperator {
  const parameters = parseOperatorParameters(p, ['kind', 'with_component_id']);
  return { kind: 'GraphMarkComponentsOperator', span: p.spanFrom(start), parameters };
}
