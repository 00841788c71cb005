/**
 * Statements: `let` (values, functions and views), `set`, `declare query_parameters`,
 * `declare pattern`, `alias database`, `restrict access to`, and the tabular expression that
 * gives a query its result.
 */
import type { ParseContext } from './parse-context.js';
import { parseExpressionList, withNamePatterns } from './parse-clauses.js';
import { parseExpression, parsePostfix } from './parse-expressions.js';
import { atName, parseName } from './parse-names.js';
import { parsePipedExpression } from './parse-pipes.js';
import { atParameterList, parseParameter, parseParameters } from './parse-types.js';
import { parseStatements } from './parser.js';
import type * as S from './syntax.js';
import type { Expression } from './syntax-expressions.js';

/** One statement, chosen by its first words. */
export function parseStatement(p: ParseContext): S.Statement {
  const start = p.token.start;
  if (p.atWord('let') && (atName(p, 1) || p.peek(1).kind === '=')) return parseLet(p, start);
  if (p.atWord('set') && atSetOption(p)) return parseSet(p, start);
  if (p.atWord('declare') && p.atWord('query_parameters', 1)) return parseDeclare(p, start);
  if (p.atWord('declare') && p.atWord('pattern', 1)) return parsePatternStatement(p, start);
  if (p.atWord('alias') && p.atWord('database', 1)) return parseAlias(p, start);
  if (p.atWord('restrict') && p.atWord('access', 1)) return parseRestrict(p, start);
  const expression = parsePipedExpression(p);
  return { kind: 'ExpressionStatement', span: p.spanFrom(start), expression };
}

function parseLet(p: ParseContext, start: number): S.LetStatement {
  p.advance();
  const name = parseName(p);
  p.expect('=', "'=' after the name");
  const view = p.atWord('view') && atParameterList(p, 1);
  const value = view || atParameterList(p) ? parseFunction(p, view) : parsePipedExpression(p);
  return { kind: 'LetStatement', span: p.spanFrom(start), name, value };
}

function parseFunction(p: ParseContext, isView: boolean): S.FunctionDefinition {
  const start = p.token.start;
  if (isView) p.advance();
  const parameters = parseParameters(p);
  const body = parseBody(p);
  return { kind: 'FunctionDefinition', span: p.spanFrom(start), isView, parameters, body };
}

function parseBody(p: ParseContext): S.FunctionBody {
  const start = p.token.start;
  if (!p.expect('{', "'{' to start the function body")) {
    return { kind: 'FunctionBody', span: p.emptySpan(), statements: [] };
  }
  const statements = parseStatements(p, true);
  p.expect('}', "'}' to end the function body");
  return { kind: 'FunctionBody', span: p.spanFrom(start), statements };
}

function atSetOption(p: ParseContext): boolean {
  if (p.peek(1).kind !== 'Identifier') return false;
  const after = p.peek(2).kind;
  return after === '=' || after === ';' || after === 'EndOfFile';
}

function parseSet(p: ParseContext, start: number): S.SetStatement {
  p.advance();
  const name = parseName(p, 'an option name');
  const value = p.eat('=') ? parseExpression(p) : null;
  return { kind: 'SetStatement', span: p.spanFrom(start), name, value };
}

function parseDeclare(p: ParseContext, start: number): S.DeclareQueryParametersStatement {
  p.skip(2);
  const parameters = parseParameters(p);
  return { kind: 'DeclareQueryParametersStatement', span: p.spanFrom(start), parameters };
}

function parseAlias(p: ParseContext, start: number): S.AliasStatement {
  p.skip(2);
  const name = parseName(p, 'an alias name');
  p.expect('=', "'=' after the alias name");
  const value = parsePostfix(p);
  return { kind: 'AliasStatement', span: p.spanFrom(start), name, value };
}

function parseRestrict(p: ParseContext, start: number): S.RestrictStatement {
  p.skip(2);
  p.expectWord('to');
  let entities: Expression[] = [];
  if (p.expect('(', "'(' to start the list of tables")) {
    entities = withNamePatterns(p, () => parseExpressionList(p));
    p.expect(')', "')' to end the list of tables");
  }
  return { kind: 'RestrictStatement', span: p.spanFrom(start), entities };
}

function parsePatternStatement(p: ParseContext, start: number): S.PatternStatement {
  p.skip(2);
  const name = parseName(p, 'a pattern name');
  if (!p.eat('=')) {
    const span = p.spanFrom(start);
    return {
      kind: 'PatternStatement',
      span,
      name,
      parameters: [],
      pathParameter: null,
      definitions: null,
    };
  }
  const parameters = parseParameters(p);
  let pathParameter: S.Parameter | null = null;
  if (p.eat('[')) {
    pathParameter = parseParameter(p);
    p.expect(']', "']' after the path parameter");
  }
  const definitions = parsePatternDefinitions(p);
  const span = p.spanFrom(start);
  return { kind: 'PatternStatement', span, name, parameters, pathParameter, definitions };
}

function parsePatternDefinitions(p: ParseContext): S.PatternDefinition[] {
  const definitions: S.PatternDefinition[] = [];
  if (!p.expect('{', "'{' to start the pattern's definitions")) return definitions;
  while (p.at('(')) definitions.push(parsePatternDefinition(p));
  p.expect('}', "'}' to end the pattern's definitions");
  return definitions;
}

/** `("a").["b"] = { query };`. */
function parsePatternDefinition(p: ParseContext): S.PatternDefinition {
  const start = p.advance().start;
  const args = p.at(')') ? [] : parseExpressionList(p);
  p.expect(')', "')' to end the pattern's arguments");
  let path: Expression | null = null;
  if (p.eat('.')) {
    const bracketed = p.eat('[') !== undefined;
    path = parseExpression(p);
    if (bracketed) p.expect(']', "']' to end the path");
  }
  p.expect('=', "'=' before the pattern's query");
  p.expect('{', "'{' to start the pattern's query");
  const body = parsePipedExpression(p);
  p.expect('}', "'}' to end the pattern's query");
  p.eat(';');
  return { kind: 'PatternDefinition', span: p.spanFrom(start), arguments: args, path, body };
}
