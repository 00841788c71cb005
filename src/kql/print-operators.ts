/**
 * Prints query operators back as KQL, for print.ts. Graph operators and the operators that
 * start a query are in print-sources.ts.
 */
import { assertNever } from '../errors.js';
import { OPERATOR_KEYWORDS } from './operator-names.js';
import { list, printExpression, printItem, printName, printType, printTypeOf } from './print.js';
import { printColumnDeclaration, quoteName, words } from './print.js';
import { printGraphOperator, printSourceOperator } from './print-sources.js';
import type * as S from './syntax.js';

export { printSourceOperator };

/** Prints `name=value` parameters, space-separated. */
export function printParameters(parameters: readonly S.OperatorParameter[]): string {
  return parameters.map((p) => `${p.name}=${printExpression(p.value)}`).join(' ');
}

/** Prints operators joined by pipes. */
export function printPipeline(pipeline: S.OperatorPipeline): string {
  return pipeline.operators.map(printOperator).join(' | ');
}

function printOrdered(item: S.OrderedExpression): string {
  const nulls = item.nulls && `nulls ${item.nulls}`;
  return words(printExpression(item.expression), item.direction, nulls);
}

function expressions(items: readonly S.Expression[]): string {
  return list(items, printExpression);
}

function items(entries: readonly S.ItemExpression[]): string {
  return list(entries, printItem);
}

/** Prints an operator that follows a `|`. */
export function printOperator(operator: S.QueryOperator): string {
  const o = operator;
  const keyword = OPERATOR_KEYWORDS[o.kind];
  switch (o.kind) {
    case 'WhereOperator':
      return `where ${printExpression(o.predicate)}`;
    case 'ProjectOperator':
    case 'ExtendOperator':
    case 'SerializeOperator':
      return words(keyword, items(o.columns));
    case 'ProjectAwayOperator':
    case 'ProjectKeepOperator':
    case 'ProjectByNamesOperator':
      return `${keyword} ${expressions(o.columns)}`;
    case 'ProjectRenameOperator':
      return `project-rename ${items(o.columns)}`;
    case 'ProjectReorderOperator':
      return `project-reorder ${list(o.columns, printOrdered)}`;
    case 'CountOperator':
    case 'GetSchemaOperator':
      return keyword;
    case 'ConsumeOperator':
      return words(keyword, printParameters(o.parameters));
    case 'AsOperator':
      return words(keyword, printParameters(o.parameters), printName(o.name));
    case 'InvokeOperator':
      return `invoke ${printExpression(o.call)}`;
    case 'TakeOperator':
    case 'SampleOperator':
      return words(keyword, printParameters(o.parameters), printExpression(o.count));
    case 'DistinctOperator':
      return words(keyword, printParameters(o.parameters), expressions(o.columns));
    case 'SortOperator':
      return words('sort', printParameters(o.parameters), 'by', list(o.columns, printOrdered));
    case 'TopOperator':
      return words(
        'top',
        printParameters(o.parameters),
        printExpression(o.count),
        'by',
        printOrdered(o.by),
      );
    default:
      return printMoreOperator(o);
  }
}

type MoreOperator = Exclude<
  S.QueryOperator,
  | S.WhereOperator
  | S.ProjectOperator
  | S.ExtendOperator
  | S.SerializeOperator
  | S.ProjectAwayOperator
  | S.ProjectKeepOperator
  | S.ProjectByNamesOperator
  | S.ProjectRenameOperator
  | S.ProjectReorderOperator
  | S.CountOperator
  | S.GetSchemaOperator
  | S.ConsumeOperator
  | S.AsOperator
  | S.InvokeOperator
  | S.TakeOperator
  | S.SampleOperator
  | S.DistinctOperator
  | S.SortOperator
  | S.TopOperator
>;

function printMoreOperator(o: MoreOperator): string {
  switch (o.kind) {
    case 'SummarizeOperator': {
      const by = o.by.length > 0 && `by ${items(o.by)}`;
      return words('summarize', printParameters(o.parameters), items(o.aggregates), by);
    }
    case 'JoinOperator':
    case 'LookupOperator': {
      const on = o.conditions.length > 0 && `on ${expressions(o.conditions)}`;
      const keyword = OPERATOR_KEYWORDS[o.kind];
      return words(keyword, printParameters(o.parameters), printExpression(o.right), on);
    }
    case 'UnionOperator':
      return words('union', printParameters(o.parameters), expressions(o.tables));
    case 'SearchOperator':
    case 'EvaluateOperator':
      return printSourceOperator(o);
    case 'RenderOperator':
      return printRender(o);
    case 'MakeSeriesOperator':
      return printMakeSeries(o);
    case 'MvExpandOperator':
    case 'MvApplyOperator':
      return printMvOperator(o);
    case 'ParseOperator':
    case 'ParseWhereOperator':
      return printParse(o);
    case 'ParseKvOperator': {
      const keys = `(${list(o.keys, printColumnDeclaration)})`;
      const properties = o.properties.length > 0 && `with (${printProperties(o.properties)})`;
      return words('parse-kv', printExpression(o.source), 'as', keys, properties);
    }
    case 'FacetOperator': {
      const subquery = o.subquery && `with (${printPipeline(o.subquery)})`;
      return words('facet by', expressions(o.columns), subquery);
    }
    case 'ForkOperator':
      return `fork ${o.branches.map(printForkBranch).join(' ')}`;
    case 'PartitionOperator':
      return printPartition(o);
    case 'TopNestedOperator':
      return o.clauses.map(printTopNestedClause).join(', ');
    case 'TopHittersOperator': {
      const by = o.by && `by ${printExpression(o.by)}`;
      const of = `of ${printExpression(o.of)}`;
      return words('top-hitters', printExpression(o.count), of, by);
    }
    case 'SampleDistinctOperator': {
      const count = printExpression(o.count);
      const of = `of ${printExpression(o.of)}`;
      return words('sample-distinct', printParameters(o.parameters), count, of);
    }
    case 'ReduceOperator': {
      const properties = o.properties.length > 0 && `with ${printProperties(o.properties)}`;
      const by = `by ${printExpression(o.by)}`;
      return words('reduce', printParameters(o.parameters), by, properties);
    }
    case 'ScanOperator':
      return printScan(o);
    case 'MissingOperator':
      return o.text;
    case 'MakeGraphOperator':
    case 'GraphMatchOperator':
    case 'GraphShortestPathsOperator':
    case 'GraphToTableOperator':
    case 'GraphMarkComponentsOperator':
      return printGraphOperator(o);
    default:
      return assertNever(o, 'query operator');
  }
}

/** Prints `name = value` properties, comma-separated. */
export function printProperties(properties: readonly S.OperatorParameter[]): string {
  return list(properties, (p) => `${quoteName(p.name)} = ${printExpression(p.value)}`);
}

function printRender(o: S.RenderOperator): string {
  const properties = o.properties.map((p) => `${p.name}=${expressions(p.values)}`);
  const withClause = properties.length > 0 && `with (${properties.join(', ')})`;
  return words('render', printName(o.chart), withClause);
}

function printMakeSeries(o: S.MakeSeriesOperator): string {
  const aggregates = o.aggregates.map((a) => {
    const value = a.defaultValue && `default=${printExpression(a.defaultValue)}`;
    return words(printItem(a.expression), value);
  });
  const bound = (word: string, e: S.Expression | null) => e && `${word} ${printExpression(e)}`;
  const range = o.inRange
    ? `in range(${[o.from, o.to, o.step].map((e) => (e ? printExpression(e) : '')).join(', ')})`
    : words(bound('from', o.from), bound('to', o.to), bound('step', o.step));
  const by = o.by.length > 0 && `by ${items(o.by)}`;
  const on = `on ${printExpression(o.axis)}`;
  return words('make-series', printParameters(o.parameters), aggregates.join(', '), on, range, by);
}

function printMvOperator(o: S.MvExpandOperator | S.MvApplyOperator): string {
  const expanded = o.items.map((item) => {
    const type = item.type && `to ${printTypeOf(item.type)}`;
    return words(printItem(item.expression), type);
  });
  const limit = o.limit && `limit ${printExpression(o.limit)}`;
  const keyword = OPERATOR_KEYWORDS[o.kind];
  const head = words(keyword, printParameters(o.parameters), expanded.join(', '), limit);
  return o.kind === 'MvApplyOperator' ? `${head} on (${printPipeline(o.subquery)})` : head;
}

function printParse(o: S.ParseOperator | S.ParseWhereOperator): string {
  const pattern = o.pattern.map((item) => {
    if (item.kind === 'StarExpression') return '*';
    if (item.kind === 'StringLiteral') return item.text;
    return item.type ? `${printName(item.name)}:${printType(item.type)}` : printName(item.name);
  });
  const keyword = OPERATOR_KEYWORDS[o.kind];
  const source = printExpression(o.source);
  return words(keyword, printParameters(o.parameters), source, 'with', pattern.join(' '));
}

function printForkBranch(branch: S.ForkBranch): string {
  const subquery = `(${printPipeline(branch.subquery)})`;
  return branch.name ? `${printName(branch.name)}=${subquery}` : subquery;
}

function printPartition(o: S.PartitionOperator): string {
  const body =
    o.body.kind === 'OperatorPipeline'
      ? `(${printPipeline(o.body)})`
      : `{ ${printExpression(o.body)} }`;
  const by = `by ${printExpression(o.by)}`;
  return words('partition', printParameters(o.parameters), by, body);
}

function printTopNestedClause(clause: S.TopNestedClause): string {
  const count = clause.count && printExpression(clause.count);
  const others = clause.others && `with others = ${printExpression(clause.others)}`;
  const of = `of ${printItem(clause.of)}`;
  return words('top-nested', count, of, others, 'by', printItem(clause.by), clause.direction);
}

function printScan(o: S.ScanOperator): string {
  const declarations =
    o.declarations.length > 0 && `declare (${list(o.declarations, printColumnDeclaration)})`;
  const steps = o.steps.map((step) => {
    const output = step.output && `output=${step.output}`;
    const condition = printExpression(step.condition);
    const head = `${words('step', printName(step.name), output)}: ${condition}`;
    const assignments = step.assignments.length > 0 && `=> ${items(step.assignments)}`;
    return `${words(head, assignments)};`;
  });
  const body = `with (${steps.join(' ')})`;
  return words('scan', printParameters(o.parameters), declarations, body);
}
