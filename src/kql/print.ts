/**
 * Prints a syntax tree back as KQL with normalised whitespace: one space between words, each
 * top-level pipe step on its own line. Parsing the printed text gives a tree of the same shape;
 * comments are not kept.
 */
import { assertNever } from '../errors.js';
import { CALL_NAMES_TO_BRACKET, WORDS_TO_BRACKET } from './keywords.js';
import { printOperator, printSourceOperator } from './print-operators.js';
import type * as S from './syntax.js';

/**
 * Prints a whole query.
 *
 * @example
 * printKql(parseKql('T|where  x==1|take 5').tree) // 'T\n| where x == 1\n| take 5'
 */
export function printKql(tree: S.Query): string {
  return tree.statements.map((statement) => printStatement(statement, true)).join(';\n');
}

/** Prints one statement; `top` puts the pipe steps of its expression on their own lines. */
export function printStatement(statement: S.Statement, top = false): string {
  switch (statement.kind) {
    case 'LetStatement':
      return `let ${printName(statement.name)} = ${printLetValue(statement.value, top)}`;
    case 'SetStatement':
      return words(
        'set',
        printName(statement.name),
        statement.value && '=',
        optional(statement.value),
      );
    case 'DeclareQueryParametersStatement':
      return `declare query_parameters(${list(statement.parameters, printParameter)})`;
    case 'AliasStatement':
      return `alias database ${printName(statement.name)} = ${printExpression(statement.value)}`;
    case 'PatternStatement':
      return printPatternStatement(statement);
    case 'RestrictStatement':
      return `restrict access to (${list(statement.entities, printExpression)})`;
    case 'ExpressionStatement':
      return printExpression(statement.expression, top);
    default:
      return assertNever(statement, 'statement');
  }
}

function printLetValue(value: S.Expression | S.FunctionDefinition, top: boolean): string {
  if (value.kind !== 'FunctionDefinition') return printExpression(value, top);
  const body = value.body.statements.map((statement) => printStatement(statement)).join('; ');
  const head = `${value.isView ? 'view ' : ''}(${list(value.parameters, printParameter)})`;
  return `${head} { ${body} }`;
}

function printParameter(parameter: S.Parameter): string {
  const declared = `${printName(parameter.name)}:${printType(parameter.type)}`;
  const value = parameter.defaultValue;
  return value ? `${declared} = ${printExpression(value)}` : declared;
}

function printPatternStatement(statement: S.PatternStatement): string {
  const head = `declare pattern ${printName(statement.name)}`;
  if (!statement.definitions) return head;
  const path = statement.pathParameter ? `[${printParameter(statement.pathParameter)}]` : '';
  const parameters = `(${list(statement.parameters, printParameter)})${path}`;
  const definitions = statement.definitions.map(printPatternDefinition).join(' ');
  return `${head} = ${parameters} { ${definitions} }`;
}

function printPatternDefinition(definition: S.PatternDefinition): string {
  const path = definition.path ? `.[${printExpression(definition.path)}]` : '';
  const args = list(definition.arguments, printExpression);
  return `(${args})${path} = { ${printExpression(definition.body)} };`;
}

/** Prints an expression; `top` puts pipe steps on their own lines. */
export function printExpression(expression: S.Expression, top = false): string {
  const e = expression;
  switch (e.kind) {
    case 'NameReference':
      return quoteName(e.name);
    case 'NamePattern':
      return e.pattern;
    case 'StarExpression':
      return '*';
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'TimespanLiteral':
      return e.text;
    case 'BooleanLiteral':
      return e.value ? 'true' : 'false';
    case 'TypedLiteral':
      return `${e.type}(${e.text})`;
    case 'DynamicLiteral':
      return `dynamic(${printJson(e.value)})`;
    case 'BinaryExpression':
      return `${printExpression(e.left)} ${e.operator} ${printExpression(e.right)}`;
    case 'InExpression':
      return `${printExpression(e.left)} ${e.operator} (${list(e.items, printExpression)})`;
    case 'BetweenExpression':
      return printBetween(e);
    case 'UnaryExpression':
      return `${e.operator}${printExpression(e.operand)}`;
    case 'ParenthesizedExpression':
      return `(${printExpression(e.expression)})`;
    case 'FunctionCall':
      return `${printCallName(e.name)}(${list(e.arguments, printItem)})`;
    case 'MemberAccess':
      return `${printExpression(e.target)}.${printMember(e.member)}`;
    case 'ElementAccess':
      return `${printExpression(e.target)}[${printExpression(e.index)}]`;
    case 'TypeOfExpression':
      return printTypeOf(e.type);
    case 'EntityGroup':
      return `entity_group [${list(e.entities, printExpression)}]`;
    case 'PipeExpression':
      return printPipe(e, top);
    case 'MissingExpression':
      return '';
    default:
      return printSourceOperator(e);
  }
}

function printPipe(pipe: S.PipeExpression, top: boolean): string {
  const separator = top ? '\n| ' : ' | ';
  const steps = pipe.operators.map(printOperator);
  return `${printExpression(pipe.source)}${separator}${steps.join(separator)}`;
}

function printBetween(e: S.BetweenExpression): string {
  const range = `(${printExpression(e.low)} .. ${printExpression(e.high)})`;
  return `${printExpression(e.left)} ${e.negated ? '!between' : 'between'} ${range}`;
}

function printMember(member: S.MemberAccess['member']): string {
  if (member.kind === 'FunctionCall') return printExpression(member);
  if (member.kind === 'NamePattern') return member.pattern;
  return printName(member);
}

function printJson(value: S.JsonValue): string {
  switch (value.kind) {
    case 'JsonObject': {
      const properties = value.properties.map((p) => `${p.key.text}: ${printJson(p.value)}`);
      return `{${properties.join(', ')}}`;
    }
    case 'JsonArray':
      return `[${list(value.elements, printJson)}]`;
    case 'NullLiteral':
      return 'null';
    default:
      return printExpression(value);
  }
}

/** Prints a list entry that may be named: `x = 1`, `(a, b) = f(x)`. */
export function printItem(item: S.ItemExpression): string {
  if (item.kind !== 'NamedExpression') return printExpression(item);
  const names = item.names.map(printName);
  const target = names.length === 1 ? (names[0] ?? '') : `(${names.join(', ')})`;
  return `${target} = ${printExpression(item.expression)}`;
}

/** Prints a type: `string`, `(a:string, *)`. */
export function printType(type: S.TypeNode): string {
  switch (type.kind) {
    case 'ScalarType':
      return type.name;
    case 'TabularType': {
      const columns = type.columns.map(printColumnDeclaration);
      return `(${[...(type.open ? ['*'] : []), ...columns].join(', ')})`;
    }
    case 'MissingType':
      return '';
    default:
      return assertNever(type, 'type');
  }
}

/** Prints `typeof(...)` around a type. */
export function printTypeOf(type: S.TypeNode): string {
  const printed = printType(type);
  return type.kind === 'TabularType' ? `typeof${printed}` : `typeof(${printed})`;
}

/** Prints `name:type [= default]`. */
export function printColumnDeclaration(column: S.ColumnDeclaration): string {
  const declared = `${printName(column.name)}:${printType(column.type)}`;
  const value = column.defaultValue;
  return value ? `${declared} = ${printExpression(value)}` : declared;
}

/** Prints a name, in brackets when it would not read back as the same name. */
export function printName(name: S.NameNode): string {
  return name.kind === 'Name' ? quoteName(name.text) : '';
}

const PLAIN_NAME = /^(?:[\p{L}_][\p{L}\p{N}_]*|\$[\p{L}_][\p{L}\p{N}_]*)$/u;

function printCallName(name: S.NameNode): string {
  if (name.kind !== 'Name') return '';
  const plain = PLAIN_NAME.test(name.text) && !CALL_NAMES_TO_BRACKET.has(name.text);
  return plain ? name.text : `[${quoteString(name.text)}]`;
}

/** Prints a name given as text, in brackets when it needs them. */
export function quoteName(text: string): string {
  if (PLAIN_NAME.test(text) && !WORDS_TO_BRACKET.has(text)) return text;
  return `[${quoteString(text)}]`;
}

/** A single-quoted string literal that scans back to `value`. */
export function quoteString(value: string): string {
  const escaped = value.replace(/[\\'\n\r\t]/g, (c) => ESCAPES[c] ?? c);
  return `'${escaped}'`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Prints each element and joins them with commas. */
export function list<T>(items: readonly T[], print: (item: T) => string): string {
  return items.map(print).join(', ');
}

/** Joins the non-empty parts with single spaces. */
export function words(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((part) => part).join(' ');
}

function optional(expression: S.Expression | null): string {
  return expression ? printExpression(expression) : '';
}
