/**
 * Pipes: a tabular source followed by `| operator` steps, and operator-only sub-queries such
 * as `fork (where x | take 3)`. After a broken operator the parser skips to the next `|`, `;`
 * or closing bracket, so one bad step does not hide the errors of the next.
 */
import { OPERATOR_KEYWORDS } from './operator-names.js';
import { parseSummarize, parseMakeSeries, parseTopNested } from './parse-aggregates.js';
import { parseTopHitters, parseSampleDistinct, parseReduce } from './parse-aggregates.js';
import type { ParseContext } from './parse-context.js';
import { describe } from './parse-context.js';
import { parseExpression } from './parse-expressions.js';
import { parseParse, parseParseWhere, parseParseKv, parseMvExpand } from './parse-extract.js';
import { parseScan } from './parse-extract.js';
import { parseMakeGraph, parseGraphMatch, parseGraphShortestPaths } from './parse-graph.js';
import { parseGraphToTable, parseGraphMarkComponents } from './parse-graph.js';
import { parseWhere, parseProject, parseProjectAway, parseProjectKeep } from './parse-operators.js';
import { parseProjectRename, parseProjectReorder, parseProjectByNames } from './parse-operators.js';
import { parseExtend, parseSerialize, parseCount, parseGetSchema } from './parse-operators.js';
import { parseTake, parseSample, parseSort, parseTop, parseAs } from './parse-operators.js';
import { parseConsume, parseInvoke, parseDistinct, parseRender } from './parse-operators.js';
import { parseUnion, parseSearch, parseEvaluate } from './parse-sources.js';
import { parseJoin, parseLookup, parseFork, parseFacet } from './parse-subqueries.js';
import { parsePartition, parseMvApply } from './parse-subqueries.js';
import type { Expression } from './syntax-expressions.js';
import type { OperatorPipeline, QueryOperator } from './syntax-operators.js';
import type { TokenKind } from './tokens.js';

type OperatorParser = (p: ParseContext, start: number) => QueryOperator;

/** The operators that may follow `|`, by every spelling KQL accepts. */
const PIPE_OPERATORS: ReadonlyMap<string, OperatorParser> = new Map<string, OperatorParser>([
  ['as', parseAs],
  ['consume', parseConsume],
  ['count', parseCount],
  ['distinct', parseDistinct],
  ['evaluate', parseEvaluate],
  ['extend', parseExtend],
  ['facet', parseFacet],
  ['filter', parseWhere],
  ['fork', parseFork],
  ['getschema', parseGetSchema],
  ['graph-mark-components', parseGraphMarkComponents],
  ['graph-match', parseGraphMatch],
  ['graph-shortest-paths', parseGraphShortestPaths],
  ['graph-to-table', parseGraphToTable],
  ['invoke', parseInvoke],
  ['join', parseJoin],
  ['limit', parseTake],
  ['lookup', parseLookup],
  ['make-graph', parseMakeGraph],
  ['make-series', parseMakeSeries],
  ['mv-apply', parseMvApply],
  ['mv-expand', parseMvExpand],
  ['mvapply', parseMvApply],
  ['mvexpand', parseMvExpand],
  ['order', parseSort],
  ['parse', parseParse],
  ['parse-kv', parseParseKv],
  ['parse-where', parseParseWhere],
  ['partition', parsePartition],
  ['project', parseProject],
  ['project-away', parseProjectAway],
  ['project-by-names', parseProjectByNames],
  ['project-keep', parseProjectKeep],
  ['project-rename', parseProjectRename],
  ['project-reorder', parseProjectReorder],
  ['reduce', parseReduce],
  ['render', parseRender],
  ['sample', parseSample],
  ['sample-distinct', parseSampleDistinct],
  ['scan', parseScan],
  ['search', parseSearch],
  ['serialize', parseSerialize],
  ['sort', parseSort],
  ['summarize', parseSummarize],
  ['take', parseTake],
  ['top', parseTop],
  ['top-hitters', parseTopHitters],
  ['top-nested', parseTopNested],
  ['union', parseUnion],
  ['where', parseWhere],
]);

/** Operators that only start a query; after `|` they are reported as such. */
const SOURCE_ONLY: ReadonlySet<string> = new Set([
  'print',
  'range',
  'find',
  'datatable',
  'externaldata',
  'external_data',
  'inline_external_table',
  'macro-expand',
]);

const PIPELINE_ENDS: ReadonlySet<TokenKind> = new Set(['|', ';', ',', ')', ']', '}', 'EndOfFile']);

/** An expression with any `| operator` steps after it: a query, a sub-query, a let value. */
export function parsePipedExpression(p: ParseContext): Expression {
  const start = p.token.start;
  const source = parseExpression(p);
  if (!p.at('|')) return source;
  const operators: QueryOperator[] = [];
  while (p.eat('|')) operators.push(parseStep(p));
  return { kind: 'PipeExpression', span: p.spanFrom(start), source, operators };
}

/** Operators without a source, `where x | take 3`, as `fork` and `partition` take them. */
export function parseOperatorPipeline(p: ParseContext): OperatorPipeline {
  const start = p.token.start;
  const operators = [parseStep(p)];
  while (p.eat('|')) operators.push(parseStep(p));
  return { kind: 'OperatorPipeline', span: p.spanFrom(start), operators };
}

/** One operator, then a check that the pipeline goes on or ends here. */
function parseStep(p: ParseContext): QueryOperator {
  const errors = p.errorCount;
  const operator = parseQueryOperator(p);
  if (PIPELINE_ENDS.has(p.token.kind) || p.atNewStatement) return operator;

  if (p.errorCount === errors) {
    const construct = `the ${OPERATOR_KEYWORDS[operator.kind]} operator`;
    const args = { expected: "'|' or the end of the query", construct, found: describe(p.token) };
    p.report('UnexpectedToken', p.problemSpan(), args);
  }
  p.skipToPipeOrClose();
  return operator;
}

/** The operator after a `|`, or a `MissingOperator` when none is known there. */
export function parseQueryOperator(p: ParseContext): QueryOperator {
  const start = p.token.start;
  const word = p.hyphenatedWord();
  if (!word) {
    p.expected('ExpectedToken', 'a query operator');
    return { kind: 'MissingOperator', span: p.emptySpan(), text: '' };
  }

  const parse = PIPE_OPERATORS.get(word.text);
  if (parse) {
    p.skip(word.tokens);
    return parse(p, start);
  }

  p.skip(word.tokens);
  const span = p.spanFrom(start);
  if (SOURCE_ONLY.has(word.text)) p.report('SourceOperatorAfterPipe', span, { name: word.text });
  else p.report('UnknownOperator', span, { name: word.text });
  p.skipToPipeOrClose();
  return { kind: 'MissingOperator', span, text: word.text };
}
