/**
 * The operators that aggregate: `summarize`, `make-series`, `top-nested`, `top-hitters`,
 * `sample-distinct` and `reduce`. Each parser starts after the operator's keyword.
 */
import type { ParseContext } from './parse-context.js';
import { NO_PARAMETERS, parseItemList, parseOperatorParameters } from './parse-clauses.js';
import { parseProperty } from './parse-clauses.js';
import { parseExpression, parseItem } from './parse-expressions.js';
import type { Expression, ItemExpression } from './syntax-expressions.js';
import type * as S from './syntax.js';

/** `summarize [hints] [aggregates] [by groups]`. */
export function parseSummarize(p: ParseContext, start: number): S.SummarizeOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const aggregates = p.atWord('by') ? [] : parseItemList(p);
  const by = p.eatWord('by') ? parseItemList(p) : [];
  return { kind: 'SummarizeOperator', span: p.spanFrom(start), parameters, aggregates, by };
}

/** `make-series ... on axis [from a] [to b] step s [by ...]` or `... on axis in range(...)`. */
export function parseMakeSeries(p: ParseContext, start: number): S.MakeSeriesOperator {
  const parameters = parseOperatorParameters(p, ['kind']);
  const aggregates = [parseSeriesAggregate(p)];
  while (p.eat(',')) aggregates.push(parseSeriesAggregate(p));
  p.expectWord('on');
  const axis = parseExpression(p);
  const inRange = p.atWord('in') && p.atWord('range', 1);
  const range = inRange ? parseInRange(p) : parseFromToStep(p);
  const by = p.eatWord('by') ? parseItemList(p) : [];
  const span = p.spanFrom(start);
  return { kind: 'MakeSeriesOperator', span, parameters, aggregates, axis, ...range, inRange, by };
}

function parseSeriesAggregate(p: ParseContext): S.MakeSeriesAggregate {
  const start = p.token.start;
  const expression = parseItem(p);
  let defaultValue: Expression | null = null;
  if (p.atWord('default') && p.peek(1).kind === '=') {
    p.skip(2);
    defaultValue = parseExpression(p);
  }
  return { kind: 'MakeSeriesAggregate', span: p.spanFrom(start), expression, defaultValue };
}

interface SeriesRange {
  readonly from: Expression | null;
  readonly to: Expression | null;
  readonly step: Expression | null;
}

function parseFromToStep(p: ParseContext): SeriesRange {
  const from = p.eatWord('from') ? parseExpression(p) : null;
  const to = p.eatWord('to') ? parseExpression(p) : null;
  const step = p.expectWord('step') ? parseExpression(p) : null;
  return { from, to, step };
}

function parseInRange(p: ParseContext): SeriesRange {
  p.skip(2);
  p.expect('(', "'(' after 'range'");
  const from = parseExpression(p);
  p.expect(',', "',' after the start of the range");
  const to = parseExpression(p);
  p.expect(',', "',' after the end of the range");
  const step = parseExpression(p);
  p.expect(')', "')' to end the range");
  return { from, to, step };
}

/** `top-nested [n] of ... by ... [asc|desc], top-nested ...`. */
export function parseTopNested(p: ParseContext, start: number): S.TopNestedOperator {
  const clauses = [parseTopNestedClause(p)];
  while (p.at(',') && p.hyphenatedWord(1)?.text === 'top-nested') {
    p.skip(4);
    clauses.push(parseTopNestedClause(p));
  }
  return { kind: 'TopNestedOperator', span: p.spanFrom(start), clauses };
}

function parseTopNestedClause(p: ParseContext): S.TopNestedClause {
  const start = p.token.start;
  const count = p.atWord('of') ? null : parseExpression(p);
  p.expectWord('of');
  const of = parseItem(p);
  const others = parseOthers(p);
  p.expectWord('by');
  const by: ItemExpression = parseItem(p);
  const direction = p.eatWord('asc') ? 'asc' : p.eatWord('desc') ? 'desc' : null;
  return { kind: 'TopNestedClause', span: p.spanFrom(start), count, of, others, by, direction };
}

function parseOthers(p: ParseContext): Expression | null {
  if (!p.atWord('with') || !p.atWord('others', 1)) return null;
  p.skip(2);
  p.expect('=', "'=' after 'others'");
  return parseExpression(p);
}

/** `top-hitters n of column [by sum-column]`. */
export function parseTopHitters(p: ParseContext, start: number): S.TopHittersOperator {
  const count = parseExpression(p);
  p.expectWord('of');
  const of = parseExpression(p);
  const by = p.eatWord('by') ? parseExpression(p) : null;
  return { kind: 'TopHittersOperator', span: p.spanFrom(start), count, of, by };
}

/** `sample-distinct n of column`. */
export function parseSampleDistinct(p: ParseContext, start: number): S.SampleDistinctOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const count = parseExpression(p);
  p.expectWord('of');
  const of = parseExpression(p);
  return { kind: 'SampleDistinctOperator', span: p.spanFrom(start), parameters, count, of };
}

/** `reduce [kind=source] by expression [with threshold=..., characters=...]`. */
export function parseReduce(p: ParseContext, start: number): S.ReduceOperator {
  const parameters = parseOperatorParameters(p, ['kind']);
  p.expectWord('by');
  const by = parseExpression(p);
  const properties: S.OperatorParameter[] = [];
  if (p.eatWord('with')) {
    do properties.push(parseProperty(p));
    while (p.eat(','));
  }
  return { kind: 'ReduceOperator', span: p.spanFrom(start), parameters, by, properties };
}
