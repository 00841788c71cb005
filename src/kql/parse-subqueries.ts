/**
 * The operators that combine the input with another query or split it into sub-queries:
 * `join`, `lookup`, `fork`, `facet`, `partition` and `mv-apply`. Each parser starts after
 * the operator's keyword.
 */
import type { ParseContext } from './parse-context.js';
import { checkParameterValues, NO_PARAMETERS, parseExpressionList } from './parse-clauses.js';
import { parseOperatorParameters } from './parse-clauses.js';
import { missingExpression, parsePostfix } from './parse-expressions.js';
import { parseLimit, parseMvExpandItems } from './parse-extract.js';
import { atName, parseColumnReference, parseName } from './parse-names.js';
import { parseOperatorPipeline, parsePipedExpression, parseQueryOperator } from './parse-pipes.js';
import type * as S from './syntax.js';

/** The kinds of `join`. */
export const JOIN_KINDS: readonly string[] = [
  'innerunique',
  'inner',
  'leftouter',
  'rightouter',
  'fullouter',
  'leftanti',
  'anti',
  'leftantisemi',
  'rightanti',
  'rightantisemi',
  'leftsemi',
  'rightsemi',
];

/** `join [kind=...] [hint.*=...] right [on conditions]`. */
export function parseJoin(p: ParseContext, start: number): S.JoinOperator {
  const parameters = parseOperatorParameters(p, ['kind']);
  checkParameterValues(p, parameters, 'kind', JOIN_KINDS);
  const right = parsePostfix(p);
  const conditions = p.eatWord('on') ? parseExpressionList(p) : [];
  return { kind: 'JoinOperator', span: p.spanFrom(start), parameters, right, conditions };
}

/** `lookup [kind=leftouter|inner] right on conditions`. */
export function parseLookup(p: ParseContext, start: number): S.LookupOperator {
  const parameters = parseOperatorParameters(p, ['kind']);
  checkParameterValues(p, parameters, 'kind', ['leftouter', 'inner']);
  const right = parsePostfix(p);
  const conditions = p.expectWord('on') ? parseExpressionList(p) : [];
  return { kind: 'LookupOperator', span: p.spanFrom(start), parameters, right, conditions };
}

/** `fork (operators) [name = (operators)] ...`. */
export function parseFork(p: ParseContext, start: number): S.ForkOperator {
  const branches: S.ForkBranch[] = [];
  while (p.at('(') || (atName(p) && p.peek(1).kind === '=')) branches.push(parseForkBranch(p));
  if (branches.length === 0) branches.push(parseForkBranch(p));
  return { kind: 'ForkOperator', span: p.spanFrom(start), branches };
}

function parseForkBranch(p: ParseContext): S.ForkBranch {
  const start = p.token.start;
  const named = !p.at('(');
  const name = named ? parseName(p) : null;
  if (named) p.expect('=', "'=' after the branch name");
  const subquery = parseParenthesizedPipeline(p);
  return { kind: 'ForkBranch', span: p.spanFrom(start), name, subquery };
}

/** `(operators)`: a sub-query without a source, in parentheses. */
export function parseParenthesizedPipeline(p: ParseContext): S.OperatorPipeline {
  if (!p.expect('(', "'(' to start a sub-query")) return missingPipeline(p);
  const pipeline = parseOperatorPipeline(p);
  p.expect(')', "')' to end the sub-query");
  return pipeline;
}

function missingPipeline(p: ParseContext): S.OperatorPipeline {
  const span = p.emptySpan();
  const operators = [{ kind: 'MissingOperator', span, text: '' } as const];
  return { kind: 'OperatorPipeline', span, operators };
}

/** `facet by columns [with (operators)]`; `with` may also take one bare operator. */
export function parseFacet(p: ParseContext, start: number): S.FacetOperator {
  p.expectWord('by');
  const columns = parseExpressionList(p);
  let subquery: S.OperatorPipeline | null = null;
  if (p.eatWord('with')) {
    if (p.at('(')) {
      subquery = parseParenthesizedPipeline(p);
    } else {
      const from = p.token.start;
      const operators = [parseQueryOperator(p)];
      subquery = { kind: 'OperatorPipeline', span: p.spanFrom(from), operators };
    }
  }
  return { kind: 'FacetOperator', span: p.spanFrom(start), columns, subquery };
}

/** `partition [hints] by column (operators)` or `... by column { query }`. */
export function parsePartition(p: ParseContext, start: number): S.PartitionOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  p.expectWord('by');
  const by = parseColumnReference(p);
  let body: S.PartitionOperator['body'];
  if (p.at('(')) {
    body = parseParenthesizedPipeline(p);
  } else if (p.eat('{')) {
    body = parsePipedExpression(p);
    p.expect('}', "'}' to end the sub-query");
  } else {
    body = missingExpression(p, "'(' or '{' and a sub-query");
  }
  return { kind: 'PartitionOperator', span: p.spanFrom(start), parameters, by, body };
}

/** `mv-apply [with_itemindex=i] items [limit n] on (operators)`. */
export function parseMvApply(p: ParseContext, start: number): S.MvApplyOperator {
  const parameters = parseOperatorParameters(p, ['with_itemindex']);
  const items = parseMvExpandItems(p);
  const limit = parseLimit(p);
  p.expectWord('on');
  const subquery = parseParenthesizedPipeline(p);
  const span = p.spanFrom(start);
  return { kind: 'MvApplyOperator', span, parameters, items, limit, subquery };
}
