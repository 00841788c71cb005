/**
 * Types and declarations: scalar type names, tabular schemas `(a:string, *)`, `typeof(...)`,
 * column declarations `name:type`, and parameter lists `(n:int = 5, T:(*))`.
 */
import { SCALAR_TYPES } from './keywords.js';
import type { ParseContext } from './parse-context.js';
import { parseExpression } from './parse-expressions.js';
import { atName, parseName } from './parse-names.js';
import type { ColumnDeclaration, Parameter, TabularType, TypeNode } from './syntax.js';
import type { TypeOfExpression } from './syntax-expressions.js';

const TYPE_LIST = [...SCALAR_TYPES].join(', ');

/**
 * Where a schema may say `*` (more columns may follow): alone, as a function parameter's
 * `(*)`; first, as a plugin's output `(*, x:long)`; anywhere, inside `typeof(...)`.
 */
export type StarPlacement = 'alone' | 'first' | 'anywhere';

/** A type: a scalar type name or a parenthesised tabular schema. */
export function parseType(p: ParseContext, star: StarPlacement = 'alone'): TypeNode {
  const token = p.token;
  if (token.kind === '(') return parseTabularType(p, star);
  if (token.kind !== 'Identifier') {
    p.expected('ExpectedType', 'a type name');
    return { kind: 'MissingType', span: p.emptySpan() };
  }
  p.advance();
  if (!SCALAR_TYPES.has(token.text)) {
    p.report(
      'UnknownType',
      { start: token.start, end: token.end },
      { name: token.text, allowed: TYPE_LIST },
    );
  }
  return { kind: 'ScalarType', span: p.spanFrom(token.start), name: token.text };
}

/** `(a:string, b:long)`, `(*)`, `(*, a:string)`. */
function parseTabularType(p: ParseContext, star: StarPlacement): TabularType {
  const start = p.advance().start;
  const { columns, open } = parseSchemaEntries(p, star);
  p.expect(')', "')' to end the schema");
  return { kind: 'TabularType', span: p.spanFrom(start), columns, open };
}

function parseSchemaEntries(p: ParseContext, star: StarPlacement) {
  const columns: ColumnDeclaration[] = [];
  let open = false;
  if (p.at(')')) return { columns, open };
  do {
    const allowed = star === 'anywhere' || (columns.length === 0 && !open);
    if (allowed && p.eat('*')) open = true;
    else columns.push(parseColumnDeclaration(p, false));
  } while (!(star === 'alone' && open) && p.eat(','));
  return { columns, open };
}

/** `typeof(string)` or `typeof(*, x:long)`, as an expression. */
export function parseTypeOf(p: ParseContext): TypeOfExpression {
  const start = p.token.start;
  const type = parseTypeOfType(p);
  return { kind: 'TypeOfExpression', span: p.spanFrom(start), type };
}

/** The type inside `typeof(...)`: a scalar type when one word stands alone there. */
export function parseTypeOfType(p: ParseContext): TypeNode {
  const start = p.token.start;
  p.expectWord('typeof');
  p.expect('(', "'(' after 'typeof'");
  if (p.at('Identifier') && p.peek(1).kind === ')') {
    const type = parseType(p);
    p.advance();
    return type;
  }
  const { columns, open } = parseSchemaEntries(p, 'anywhere');
  p.expect(')', "')' to end the type");
  return { kind: 'TabularType', span: p.spanFrom(start), columns, open };
}

/** `name:type`, and `= default` when `withDefault` allows it. */
export function parseColumnDeclaration(p: ParseContext, withDefault: boolean): ColumnDeclaration {
  const start = p.token.start;
  const name = parseName(p, 'a column name');
  p.expect(':', "':' and a type after the column name");
  const type = parseType(p);
  const defaultValue = withDefault && p.eat('=') ? parseExpression(p) : null;
  return { kind: 'ColumnDeclaration', span: p.spanFrom(start), name, type, defaultValue };
}

/** `(name:type, ...)`, the schema of `datatable`, `externaldata` and `parse-kv`. */
export function parseColumnDeclarations(p: ParseContext, withDefault = false): ColumnDeclaration[] {
  const columns: ColumnDeclaration[] = [];
  if (!p.expect('(', "'(' to start the columns")) return columns;
  if (!p.at(')')) {
    do columns.push(parseColumnDeclaration(p, withDefault));
    while (p.eat(','));
  }
  p.expect(')', "')' to end the columns");
  return columns;
}

/** `(name:type [= default], ...)`: a function's or a query's parameters. */
export function parseParameters(p: ParseContext): Parameter[] {
  const parameters: Parameter[] = [];
  if (!p.expect('(', "'(' to start the parameters")) return parameters;
  if (!p.at(')')) {
    do parameters.push(parseParameter(p));
    while (p.eat(','));
  }
  p.expect(')', "')' to end the parameters");
  return parameters;
}

/** `name:type [= default]`. */
export function parseParameter(p: ParseContext): Parameter {
  const start = p.token.start;
  const name = parseName(p, 'a parameter name');
  p.expect(':', "':' and a type after the parameter name");
  const type = parseType(p);
  const defaultValue = p.eat('=') ? parseExpression(p) : null;
  return { kind: 'Parameter', span: p.spanFrom(start), name, type, defaultValue };
}

/** True when `(` here opens a parameter list: `()` or `(name:`. */
export function atParameterList(p: ParseContext, offset = 0): boolean {
  if (p.peek(offset).kind !== '(') return false;
  if (p.peek(offset + 1).kind === ')') return true;
  if (!atName(p, offset + 1)) return false;
  const after = p.peek(offset + 1).kind === 'Identifier' ? 2 : 4;
  return p.peek(offset + after).kind === ':';
}
