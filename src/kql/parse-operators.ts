/**
 * The operators that filter, shape and order rows: `where`, the `project` family, `extend`,
 * `sort`, `top`, `take`, `distinct`, and the small ones (`count`, `as`, `invoke`, `render`...).
 * Each parser starts after the operator's keyword; `start` is the keyword's offset.
 */
import type { ParseContext } from './parse-context.js';
import { NO_PARAMETERS, parseExpressionList, parseItemList } from './parse-clauses.js';
import { parseOperatorParameters, parseOrdered, parseOrderedList } from './parse-clauses.js';
import { parseProperty, withNamePatterns } from './parse-clauses.js';
import { parseExpression, parsePostfix } from './parse-expressions.js';
import { atName, parseName } from './parse-names.js';
import type { NamedExpression } from './syntax-expressions.js';
import type * as S from './syntax.js';

/** `where predicate`, `filter predicate`. */
export function parseWhere(p: ParseContext, start: number): S.WhereOperator {
  const predicate = parseExpression(p);
  return { kind: 'WhereOperator', span: p.spanFrom(start), predicate };
}

/** `project [name =] expression, ...`. */
export function parseProject(p: ParseContext, start: number): S.ProjectOperator {
  const columns = parseItemList(p);
  return { kind: 'ProjectOperator', span: p.spanFrom(start), columns };
}

/** `project-away column-or-pattern, ...`. */
export function parseProjectAway(p: ParseContext, start: number): S.ProjectAwayOperator {
  const columns = withNamePatterns(p, () => parseExpressionList(p));
  return { kind: 'ProjectAwayOperator', span: p.spanFrom(start), columns };
}

/** `project-keep column-or-pattern, ...`. */
export function parseProjectKeep(p: ParseContext, start: number): S.ProjectKeepOperator {
  const columns = withNamePatterns(p, () => parseExpressionList(p));
  return { kind: 'ProjectKeepOperator', span: p.spanFrom(start), columns };
}

/** `project-rename new = old, ...`. */
export function parseProjectRename(p: ParseContext, start: number): S.ProjectRenameOperator {
  const columns = [parseRename(p)];
  while (p.eat(',')) columns.push(parseRename(p));
  return { kind: 'ProjectRenameOperator', span: p.spanFrom(start), columns };
}

function parseRename(p: ParseContext): NamedExpression {
  const from = p.token.start;
  const name = parseName(p, 'the new column name');
  p.expect('=', "'=' after the new column name");
  const expression = parseExpression(p);
  return { kind: 'NamedExpression', span: p.spanFrom(from), names: [name], expression };
}

/** `project-reorder column-or-pattern [asc|desc|granny-asc|granny-desc], ...`. */
export function parseProjectReorder(p: ParseContext, start: number): S.ProjectReorderOperator {
  const columns = withNamePatterns(p, () => parseOrderedList(p, true));
  return { kind: 'ProjectReorderOperator', span: p.spanFrom(start), columns };
}

/** `project-by-names name-or-list, ...`. */
export function parseProjectByNames(p: ParseContext, start: number): S.ProjectByNamesOperator {
  const columns = parseExpressionList(p);
  return { kind: 'ProjectByNamesOperator', span: p.spanFrom(start), columns };
}

/** `extend [name =] expression, ...`. */
export function parseExtend(p: ParseContext, start: number): S.ExtendOperator {
  const columns = parseItemList(p);
  return { kind: 'ExtendOperator', span: p.spanFrom(start), columns };
}

/** `serialize [name = expression, ...]`. */
export function parseSerialize(p: ParseContext, start: number): S.SerializeOperator {
  const columns = atName(p) || p.at('(') ? parseItemList(p) : [];
  return { kind: 'SerializeOperator', span: p.spanFrom(start), columns };
}

/** `count`. */
export function parseCount(p: ParseContext, start: number): S.CountOperator {
  return { kind: 'CountOperator', span: p.spanFrom(start) };
}

/** `getschema`. */
export function parseGetSchema(p: ParseContext, start: number): S.GetSchemaOperator {
  return { kind: 'GetSchemaOperator', span: p.spanFrom(start) };
}

/** `take n`, `limit n`. */
export function parseTake(p: ParseContext, start: number): S.TakeOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const count = parseExpression(p);
  return { kind: 'TakeOperator', span: p.spanFrom(start), parameters, count };
}

/** `sample n`. */
export function parseSample(p: ParseContext, start: number): S.SampleOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const count = parseExpression(p);
  return { kind: 'SampleOperator', span: p.spanFrom(start), parameters, count };
}

/** `sort by key [asc|desc] [nulls first|last], ...`, `order by ...`. */
export function parseSort(p: ParseContext, start: number): S.SortOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  p.expectWord('by');
  const columns = parseOrderedList(p);
  return { kind: 'SortOperator', span: p.spanFrom(start), parameters, columns };
}

/** `top n by key [asc|desc] [nulls first|last]`. */
export function parseTop(p: ParseContext, start: number): S.TopOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const count = parseExpression(p);
  p.expectWord('by');
  const by = parseOrdered(p);
  return { kind: 'TopOperator', span: p.spanFrom(start), parameters, count, by };
}

/** `as [hint.materialized=true] name`. */
export function parseAs(p: ParseContext, start: number): S.AsOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const name = parseName(p, "a name after 'as'");
  return { kind: 'AsOperator', span: p.spanFrom(start), parameters, name };
}

/** `consume [decodeblocks=true]`. */
export function parseConsume(p: ParseContext, start: number): S.ConsumeOperator {
  const parameters = parseOperatorParameters(p, ['decodeblocks']);
  return { kind: 'ConsumeOperator', span: p.spanFrom(start), parameters };
}

/** `invoke function(args)`. */
export function parseInvoke(p: ParseContext, start: number): S.InvokeOperator {
  const call = parsePostfix(p);
  return { kind: 'InvokeOperator', span: p.spanFrom(start), call };
}

/** `distinct column, ...`, `distinct *`. */
export function parseDistinct(p: ParseContext, start: number): S.DistinctOperator {
  const parameters = parseOperatorParameters(p, NO_PARAMETERS);
  const columns = parseExpressionList(p);
  return { kind: 'DistinctOperator', span: p.spanFrom(start), parameters, columns };
}

/** `render chart [with (name = value, ...)]`, or the older `render chart name=value ...`. */
export function parseRender(p: ParseContext, start: number): S.RenderOperator {
  const chart = parseName(p, 'a visualization after render');
  const properties: S.RenderProperty[] = [];
  if (p.eatWord('with')) {
    if (p.expect('(', "'(' after 'with'")) {
      if (!p.at(')')) {
        do properties.push(parseRenderProperty(p, true));
        while (p.eat(','));
      }
      p.expect(')', "')' to end the properties");
    }
  } else {
    while (p.at('Identifier') && p.peek(1).kind === '=') properties.push(parseRenderProperty(p));
  }
  return { kind: 'RenderOperator', span: p.spanFrom(start), chart, properties };
}

/** `name = value`, where inside `with (...)` a value may be a list: `ycolumns = a, b`. */
function parseRenderProperty(p: ParseContext, lists = false): S.RenderProperty {
  const from = p.token.start;
  const property = parseProperty(p);
  const values = [property.value];
  while (lists && p.at(',') && atName(p, 1) && p.peek(2).kind !== '=') {
    p.advance();
    values.push(parseExpression(p));
  }
  return { kind: 'RenderProperty', span: p.spanFrom(from), name: property.name, values };
}
