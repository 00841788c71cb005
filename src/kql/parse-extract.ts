/**
 * The operators that take values apart: `parse`, `parse-where`, `parse-kv`, `mv-expand` and
 * `scan`. Each parser starts after the operator's keyword.
 */
import type { ParseContext } from './parse-context.js';
import { parseOperatorParameters, parseProperties } from './parse-clauses.js';
import { missingExpression, parseExpression, parseItem } from './parse-expressions.js';
import { parseStringLiteral } from './parse-literals.js';
import { atName, parseName } from './parse-names.js';
import { parseColumnDeclarations, parseType, parseTypeOfType } from './parse-types.js';
import type { Expression, NamedExpression } from './syntax-expressions.js';
import type * as S from './syntax.js';

const PARSE_PARAMETERS = ['kind', 'flags'];

/** `parse [kind=...] [flags=...] source with pattern`. */
export function parseParse(p: ParseContext, start: number): S.ParseOperator {
  const { parameters, source, pattern } = parseParseBody(p);
  return { kind: 'ParseOperator', span: p.spanFrom(start), parameters, source, pattern };
}

/** `parse-where`, written like `parse`. */
export function parseParseWhere(p: ParseContext, start: number): S.ParseWhereOperator {
  const { parameters, source, pattern } = parseParseBody(p);
  return { kind: 'ParseWhereOperator', span: p.spanFrom(start), parameters, source, pattern };
}

function parseParseBody(p: ParseContext) {
  const parameters = parseOperatorParameters(p, PARSE_PARAMETERS);
  const source = parseExpression(p);
  p.expectWord('with');
  const pattern: S.ParsePatternItem[] = [];
  for (let item = parsePatternItem(p); item; item = parsePatternItem(p)) pattern.push(item);
  if (pattern.length === 0) missingExpression(p, 'a parse pattern');
  return { parameters, source, pattern };
}

function parsePatternItem(p: ParseContext): S.ParsePatternItem | undefined {
  const start = p.token.start;
  if (p.eat('*')) return { kind: 'StarExpression', span: p.spanFrom(start) };
  if (p.at('String')) return parseStringLiteral(p);
  if (!atName(p)) return undefined;

  const name = parseName(p);
  const type = p.eat(':') ? parseType(p) : null;
  return { kind: 'ParseColumn', span: p.spanFrom(start), name, type };
}

/** `parse-kv source as (key:type, ...) [with (name = value, ...)]`. */
export function parseParseKv(p: ParseContext, start: number): S.ParseKvOperator {
  const source = parseExpression(p);
  p.expectWord('as');
  const keys = parseColumnDeclarations(p);
  const properties = p.eatWord('with') ? parseProperties(p) : [];
  return { kind: 'ParseKvOperator', span: p.spanFrom(start), source, keys, properties };
}

const MV_EXPAND_PARAMETERS = ['kind', 'bagexpansion', 'with_itemindex'];

/** `mv-expand [kind=...] [bagexpansion=...] [with_itemindex=i] items [limit n]`. */
export function parseMvExpand(p: ParseContext, start: number): S.MvExpandOperator {
  const parameters = parseOperatorParameters(p, MV_EXPAND_PARAMETERS);
  const items = parseMvExpandItems(p);
  const limit = parseLimit(p);
  return { kind: 'MvExpandOperator', span: p.spanFrom(start), parameters, items, limit };
}

/** `[name =] array [to typeof(type)], ...`, shared with `mv-apply`. */
export function parseMvExpandItems(p: ParseContext): S.MvExpandItem[] {
  const items = [parseMvExpandItem(p)];
  while (p.eat(',')) items.push(parseMvExpandItem(p));
  return items;
}

function parseMvExpandItem(p: ParseContext): S.MvExpandItem {
  const start = p.token.start;
  const expression = parseItem(p);
  const typed = p.atWord('to') && p.atWord('typeof', 1);
  if (typed) p.advance();
  const type = typed ? parseTypeOfType(p) : null;
  return { kind: 'MvExpandItem', span: p.spanFrom(start), expression, type };
}

/** `limit n` after the items of `mv-expand` and `mv-apply`. */
export function parseLimit(p: ParseContext): Expression | null {
  return p.eatWord('limit') ? parseExpression(p) : null;
}

/** `scan [with_match_id=id] [declare (columns)] with (step ...; ...)`. */
export function parseScan(p: ParseContext, start: number): S.ScanOperator {
  const parameters = parseOperatorParameters(p, ['with_match_id']);
  const declarations = p.eatWord('declare') ? parseColumnDeclarations(p, true) : [];
  const steps: S.ScanStep[] = [];
  p.expectWord('with');
  if (p.expect('(', "'(' after 'with'")) {
    do steps.push(parseScanStep(p));
    while (p.atWord('step'));
    p.expect(')', "')' to end the steps");
  }
  return { kind: 'ScanOperator', span: p.spanFrom(start), parameters, declarations, steps };
}

function parseScanStep(p: ParseContext): S.ScanStep {
  const start = p.token.start;
  p.expectWord('step');
  const name = parseName(p, 'a step name');
  let output: string | null = null;
  if (p.atWord('output') && p.peek(1).kind === '=') {
    p.skip(2);
    const value = parseName(p, 'all, last or none');
    output = value.kind === 'Name' ? value.text : null;
  }
  p.expect(':', "':' after the step name");
  const condition = parseExpression(p);
  const assignments = p.eat('=>') ? parseAssignments(p) : [];
  p.expect(';', "';' after the step");
  return { kind: 'ScanStep', span: p.spanFrom(start), name, output, condition, assignments };
}

function parseAssignments(p: ParseContext): NamedExpression[] {
  const assignments = [parseAssignment(p)];
  while (p.eat(',')) assignments.push(parseAssignment(p));
  return assignments;
}

function parseAssignment(p: ParseContext): NamedExpression {
  const start = p.token.start;
  const name = parseName(p, 'a column name');
  p.expect('=', "'=' after the column name");
  const expression = parseExpression(p);
  return { kind: 'NamedExpression', span: p.spanFrom(start), names: [name], expression };
}
