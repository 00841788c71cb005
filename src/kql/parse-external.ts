/**
 * The operators that read data from outside the database or from literals: `datatable`,
 * `externaldata` and `inline_external_table`. Each parser starts after the operator's keyword.
 */
import type { ParseContext } from './parse-context.js';
import { NO_PARAMETERS, parseOperatorParameters, parseProperties } from './parse-clauses.js';
import { parseExpression } from './parse-expressions.js';
import { atParameterList, parseColumnDeclarations } from './parse-types.js';
import type { ColumnDeclaration } from './syntax.js';
import type { Expression } from './syntax-expressions.js';
import type * as S from './syntax.js';

/** `datatable (schema) [values]`. */
export function parseDataTable(p: ParseContext, start: number): S.DataTableOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const schema = parseColumnDeclarations(p);
  const values = parseBracketedValues(p);
  return { kind: 'DataTableOperator', span: p.spanFrom(start), parameters, schema, values };
}

/** `[value, value, ...]`, a trailing comma allowed. */
function parseBracketedValues(p: ParseContext): Expression[] {
  const values: Expression[] = [];
  if (!p.expect('[', "'[' to start the values")) return values;
  while (!p.at(']') && !p.atEnd) {
    values.push(parseExpression(p));
    if (!p.eat(',')) break;
  }
  p.expect(']', "']' to end the values");
  return values;
}

/** `externaldata (schema) [uris] [with (name = value, ...)]`. */
export function parseExternalData(p: ParseContext, start: number): S.ExternalDataOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const schema = parseColumnDeclarations(p);
  const uris = parseBracketedValues(p);
  const properties = p.eatWord('with') ? parseProperties(p) : [];
  const span = p.spanFrom(start);
  return { kind: 'ExternalDataOperator', span, parameters, schema, uris, properties };
}

/** `inline_external_table [(schema)] clauses... (uris) [with (name = value, ...)]`. */
export function parseInlineExternalTable(
  p: ParseContext,
  start: number,
): S.InlineExternalTableOperator {
  const schema = atParameterList(p) ? parseColumnDeclarations(p) : null;
  const parameters: S.OperatorParameter[] = [];
  let partitions: ColumnDeclaration[] = [];
  let pathFormat: Expression[] | null = null;
  for (;;) {
    const found = parseOperatorParameters(p, ['kind', 'dataformat']);
    parameters.push(...found);
    if (p.atWord('partition') && p.atWord('by', 1)) {
      p.skip(2);
      partitions = parseColumnDeclarations(p, true);
    } else if (p.atWord('pathformat') && p.peek(1).kind === '=') {
      p.skip(2);
      pathFormat = parsePathFormat(p);
    } else if (found.length === 0) {
      break;
    }
  }
  const uris = parseUris(p);
  const properties = p.eatWord('with') ? parseProperties(p) : [];
  const span = p.spanFrom(start);
  const table = { schema, parameters, partitions, pathFormat, uris, properties };
  return { kind: 'InlineExternalTableOperator', span, ...table };
}

/** `('day=' datetime_pattern('yyyy/MM/dd', Day) '/' Region)`: parts written side by side. */
function parsePathFormat(p: ParseContext): Expression[] {
  const parts: Expression[] = [];
  if (!p.expect('(', "'(' to start the path format")) return parts;
  while (!p.at(')') && !p.atEnd) {
    const before = p.token;
    parts.push(parseExpression(p));
    if (p.token === before) break;
  }
  p.expect(')', "')' to end the path format");
  return parts;
}

function parseUris(p: ParseContext): Expression[] {
  const uris: Expression[] = [];
  if (!p.expect('(', "'(' to start the storage locations")) return uris;
  do uris.push(parseExpression(p));
  while (p.eat(','));
  p.expect(')', "')' to end the storage locations");
  return uris;
}
