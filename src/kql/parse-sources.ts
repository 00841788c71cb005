/**
 * The operators that start a tabular expression: `print`, `range`, `union`, `search`, `find`,
 * `evaluate`, `datatable`, `externaldata`, `macro-expand`, and `entity_group [...]`. Their
 * words still name columns elsewhere: `range(1, 5, 1)` is a function, `union` before `,` a name.
 */
import type { ParseContext } from './parse-context.js';
import { checkParameterValues, NO_PARAMETERS, parseItemList } from './parse-clauses.js';
import { parseOperatorParameters } from './parse-clauses.js';
import { withNamePatterns } from './parse-clauses.js';
import { parseExpression, parsePostfix } from './parse-expressions.js';
import { atBracketedName, atName, parseName } from './parse-names.js';
import { parseDataTable, parseExternalData, parseInlineExternalTable } from './parse-external.js';
import { parsePipedExpression } from './parse-pipes.js';
import { parseType } from './parse-types.js';
import type { EntityGroup, Expression } from './syntax-expressions.js';
import type * as S from './syntax.js';
import type { TokenKind } from './tokens.js';

/** Tokens after which a source operator's word is only a name: `union, x`, `print.x`. */
const NAME_FOLLOWERS: ReadonlySet<TokenKind> = new Set([
  ',',
  ')',
  ']',
  '}',
  '.',
  ';',
  '|',
  ':',
  '=',
  '==',
  '!=',
  '<>',
  '=~',
  '!~',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '/',
  '%',
  'EndOfFile',
]);

type SourceParser = (p: ParseContext, start: number) => Expression;

const SOURCE_PARSERS: ReadonlyMap<string, SourceParser> = new Map<string, SourceParser>([
  ['print', parsePrint],
  ['range', parseRange],
  ['union', parseUnion],
  ['find', parseFind],
  ['search', parseSearch],
  ['evaluate', parseEvaluate],
  ['datatable', parseDataTable],
  ['externaldata', parseExternalData],
  ['external_data', parseExternalData],
  ['inline_external_table', parseInlineExternalTable],
  ['macro-expand', parseMacroExpand],
  ['entity_group', parseEntityGroup],
]);

/** True when the word here starts a source operator rather than naming something. */
export function atSourceOperator(p: ParseContext): boolean {
  const word = sourceWord(p);
  const next = p.peek(word.tokens);
  switch (word.text) {
    case 'print':
    case 'union':
    case 'find':
    case 'search':
    case 'evaluate':
    case 'macro-expand':
    case 'inline_external_table':
      return !NAME_FOLLOWERS.has(next.kind);
    case 'range':
      return atName(p, 1) && p.atWord('from', atBracketedName(p, 1) ? 4 : 2);
    case 'datatable':
    case 'externaldata':
    case 'external_data':
      return next.kind === '(';
    case 'entity_group':
      return next.kind === '[';
    default:
      return false;
  }
}

/** The source operator at the current word; call when {@link atSourceOperator} holds. */
export function parseSourceOperator(p: ParseContext): Expression {
  const start = p.token.start;
  const word = sourceWord(p);
  const parse = SOURCE_PARSERS.get(word.text);
  p.skip(word.tokens);
  return parse ? parse(p, start) : parseExpression(p);
}

/** The word here, joined with its hyphenated parts only when that spells `macro-expand`. */
function sourceWord(p: ParseContext): { readonly text: string; readonly tokens: number } {
  const word = p.hyphenatedWord();
  if (word?.text.startsWith('macro-expand')) return { text: 'macro-expand', tokens: 3 };
  return { text: p.token.text, tokens: 1 };
}

function parsePrint(p: ParseContext, start: number): S.PrintOperator {
  const columns = parseItemList(p);
  return { kind: 'PrintOperator', span: p.spanFrom(start), columns };
}

function parseRange(p: ParseContext, start: number): S.RangeOperator {
  const name = parseName(p, 'a column name');
  p.expectWord('from');
  const from = parseExpression(p);
  p.expectWord('to');
  const to = parseExpression(p);
  p.expectWord('step');
  const step = parseExpression(p);
  return { kind: 'RangeOperator', span: p.spanFrom(start), name, from, to, step };
}

/** `union [kind=...] [withsource=name] [isfuzzy=true] tables`. */
export function parseUnion(p: ParseContext, start: number): S.UnionOperator {
  const parameters = parseOperatorParameters(p, ['kind', 'withsource', 'isfuzzy']);
  checkParameterValues(p, parameters, 'kind', ['inner', 'outer']);
  const tables = withNamePatterns(p, () => parsePostfixList(p));
  return { kind: 'UnionOperator', span: p.spanFrom(start), parameters, tables };
}

function parsePostfixList(p: ParseContext): Expression[] {
  const items = [parsePostfix(p)];
  while (p.eat(',')) items.push(parsePostfix(p));
  return items;
}

/** `search [kind=case_sensitive] [in (tables)] predicate`. */
export function parseSearch(p: ParseContext, start: number): S.SearchOperator {
  const parameters = parseOperatorParameters(p, ['kind', 'withsource']);
  const tables = parseInTables(p);
  const predicate = parseSearchPredicate(p);
  return { kind: 'SearchOperator', span: p.spanFrom(start), parameters, tables, predicate };
}

function parseInTables(p: ParseContext): Expression[] | null {
  if (!p.atWord('in') || p.peek(1).kind !== '(') return null;
  p.skip(2);
  const tables = withNamePatterns(p, () => parsePostfixList(p));
  p.expect(')', "')' to end the tables");
  return tables;
}

function parseSearchPredicate(p: ParseContext): Expression {
  const saved = p.searchSyntax;
  p.searchSyntax = true;
  try {
    return parseExpression(p);
  } finally {
    p.searchSyntax = saved;
  }
}

function parseFind(p: ParseContext, start: number): S.FindOperator {
  const parameters = parseOperatorParameters(p, ['withsource', 'datascope']);
  const tables = parseInTables(p);
  p.eatWord('where');
  const predicate = parseSearchPredicate(p);
  const projection = parseFindProjection(p);
  const span = p.spanFrom(start);
  return { kind: 'FindOperator', span, parameters, tables, predicate, projection };
}

function parseFindProjection(p: ParseContext): S.FindProjection | null {
  const start = p.token.start;
  const word = p.hyphenatedWord();
  const mode = word?.text;
  if (mode !== 'project' && mode !== 'project-smart') return null;
  p.skip(word?.tokens ?? 1);
  const columns: S.FindColumn[] = [];
  if (mode !== 'project-smart') {
    do columns.push(parseFindColumn(p));
    while (p.eat(','));
  }
  return { kind: 'FindProjection', span: p.spanFrom(start), mode, columns };
}

function parseFindColumn(p: ParseContext): S.FindColumn {
  const start = p.token.start;
  const name = parseName(p, 'a column name');
  const type = p.eat(':') ? parseType(p) : null;
  return { kind: 'FindColumn', span: p.spanFrom(start), name, type };
}

/** `evaluate [hints] plugin(args)`. */
export function parseEvaluate(p: ParseContext, start: number): S.EvaluateOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const plugin = parsePostfix(p);
  const outputSchema = p.eat(':') ? parseType(p, 'first') : null;
  const span = p.spanFrom(start);
  return { kind: 'EvaluateOperator', span, parameters, plugin, outputSchema };
}

function parseMacroExpand(p: ParseContext, start: number): S.MacroExpandOperator {
  const parameters = parseOperatorParameters(p, ['isfuzzy']);
  const entityGroup = parsePostfix(p);
  p.expectWord('as');
  const alias = parseName(p, 'a name for the entity');
  p.expect('(', "'(' to start the query");
  const body = parsePipedExpression(p);
  p.expect(')', "')' to end the query");
  const span = p.spanFrom(start);
  return { kind: 'MacroExpandOperator', span, parameters, entityGroup, alias, body };
}

function parseEntityGroup(p: ParseContext, start: number): EntityGroup {
  p.advance();
  const entities = p.at(']') ? [] : parsePostfixList(p);
  p.expect(']', "']' to end the entity group");
  return { kind: 'EntityGroup', span: p.spanFrom(start), entities };
}
