/**
 * Helpers for the KQL front-end tests: parse and insist on no diagnostics, pick out the parts
 * a test looks at, and show a tree's structure without its offsets.
 */
import assert from 'node:assert/strict';
import { parseKql } from '../../src/kql/parser.js';
import type { Expression, Query, QueryOperator, Statement } from '../../src/kql/syntax.js';

/** Parses a query that must have no diagnostics. */
export function parseClean(text: string): Query {
  const { tree, diagnostics } = parseKql(text);
  assert.deepEqual(
    diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`),
    [],
    `diagnostics for ${text}`,
  );
  return tree;
}

/** The last statement of a clean query. */
export function lastStatement(text: string): Statement {
  const statements = parseClean(text).statements;
  const last = statements[statements.length - 1];
  assert.ok(last, `no statement in ${text}`);
  return last;
}

/** The expression of a clean query's last statement. */
export function expressionOf(text: string): Expression {
  const statement = lastStatement(text);
  assert.equal(statement.kind, 'ExpressionStatement');
  return statement.expression;
}

/** The single operator after `T |` in a clean query. */
export function operatorOf(text: string): QueryOperator {
  const expression = expressionOf(text);
  assert.equal(expression.kind, 'PipeExpression', text);
  const operator = expression.operators[expression.operators.length - 1];
  assert.ok(operator);
  return operator;
}

/** The first column of `print ...`: the scalar expression being tested. */
export function printed(expression: string): Expression {
  const source = expressionOf(`print ${expression}`);
  assert.equal(source.kind, 'PrintOperator');
  const first = source.columns[0];
  assert.ok(first && first.kind !== 'NamedExpression');
  return first;
}

/** A tree without its spans, for comparing shapes. */
export function shape(node: unknown): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) => (key === 'span' ? undefined : value)),
  );
}

/** An expression with every operator application in parentheses: `(a + (b has c))`. */
export function bracketed(e: Expression): string {
  switch (e.kind) {
    case 'BinaryExpression':
      return `(${bracketed(e.left)} ${e.operator} ${bracketed(e.right)})`;
    case 'UnaryExpression':
      return `(${e.operator}${bracketed(e.operand)})`;
    case 'InExpression':
      return `(${bracketed(e.left)} ${e.operator} [${e.items.map(bracketed).join(', ')}])`;
    case 'BetweenExpression':
      return `(${bracketed(e.left)} between ${bracketed(e.low)}..${bracketed(e.high)})`;
    case 'ParenthesizedExpression':
      return bracketed(e.expression);
    case 'NameReference':
      return e.name;
    case 'NumberLiteral':
    case 'StringLiteral':
      return e.text;
    case 'FunctionCall':
      return `${e.name.kind === 'Name' ? e.name.text : '?'}(...)`;
    case 'MemberAccess':
      return `${bracketed(e.target)}.${e.member.kind === 'Name' ? e.member.text : '?'}`;
    default:
      return e.kind;
  }
}
