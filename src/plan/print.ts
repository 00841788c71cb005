/**
 * A plan as an indented tree, one operator per line with its key arguments, inputs indented
 * below it. This is what `quarry explain` shows:
 *
 * ```
 * TopN 10 by count_ desc nulls last
 *   Aggregate by Computer: count_ = count()
 *     Filter eq(EventID, 4688)
 *       Scan SecurityEvent
 * ```
 */
import { assertNever } from '../errors.js';
import type { Aggregation } from './aggregation.js';
import { aggregationArgs } from './aggregation.js';
import type { Expr } from './expr.js';
import type { NamedExpr, Project, Relation, SortKey } from './relation.js';
import { schemaOf } from './schema.js';

/** The plan as text, two spaces of indent per level. */
export function printPlan(rel: Relation): string {
  const lines: string[] = [];
  const visit = (node: Relation, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${describe(node)}`);
    for (const input of inputsOf(node)) visit(input, depth + 1);
  };
  visit(rel, 0);
  return lines.join('\n');
}

/** The inputs of an operator, left to right. */
export function inputsOf(rel: Relation): readonly Relation[] {
  switch (rel.kind) {
    case 'Scan':
    case 'Values':
      return [];
    case 'Filter':
    case 'Project':
    case 'Aggregate':
    case 'Sort':
    case 'Limit':
    case 'TopN':
    case 'Distinct':
    case 'Unnest':
      return [rel.input];
    case 'Join':
      return [rel.left, rel.right];
    case 'Union':
      return rel.inputs;
    default:
      return assertNever(rel, 'relation');
  }
}

/** One operator's line. */
function describe(rel: Relation): string {
  switch (rel.kind) {
    case 'Scan': {
      const namespace = rel.namespace === undefined ? '' : `${name(rel.namespace)}.`;
      return `Scan ${namespace}${name(rel.table)}`;
    }
    case 'Values':
      return (
        `Values ${rel.columns.map((c) => `${name(c.name)}:${c.type}`).join(', ')}` +
        ` (${rel.rows.length} ${rel.rows.length === 1 ? 'row' : 'rows'})`
      );
    case 'Filter':
      return `Filter ${printExpr(rel.predicate)}`;
    case 'Project':
      return `Project ${projection(rel)}`;
    case 'Aggregate': {
      const keys = rel.keys.length > 0 ? ` by ${rel.keys.map(named).join(', ')}` : '';
      return `Aggregate${keys}: ${rel.aggregations.map(aggregation).join(', ')}`;
    }
    case 'Sort':
      return `Sort by ${rel.keys.map(sortKey).join(', ')}`;
    case 'Limit':
      return `Limit ${rel.count}`;
    case 'TopN':
      return `TopN ${rel.count} by ${rel.keys.map(sortKey).join(', ')}`;
    case 'Distinct':
      return 'Distinct';
    case 'Join': {
      const on = rel.on.map((c) => `left.${printExpr(c.left)} == right.${printExpr(c.right)}`);
      return `Join ${rel.join} on ${on.join(', ')}`;
    }
    case 'Union': {
      const source = rel.source ? ` withsource=${name(rel.source.name)}` : '';
      return `Union ${rel.union}${source}`;
    }
    case 'Unnest': {
      const index = rel.index === undefined ? '' : ` with index ${name(rel.index)}`;
      return `Unnest ${name(rel.name)} = ${printExpr(rel.expr)} to ${rel.type}${index}`;
    }
    default:
      return assertNever(rel, 'relation');
  }
}

/** A projection's columns; when it keeps every input column in place (an extend), `*, ...`. */
function projection(rel: Project): string {
  const input = schemaOf(rel.input);
  const keeps = input.every((c, i) => {
    const out = rel.columns[i];
    return out?.name === c.name && out.expr.kind === 'ColumnRef' && out.expr.name === c.name;
  });
  if (!keeps || input.length === 0) return rel.columns.map(named).join(', ');
  return ['*', ...rel.columns.slice(input.length).map(named)].join(', ');
}

function named(c: NamedExpr): string {
  const plain = c.expr.kind === 'ColumnRef' && c.expr.name === c.name;
  return plain ? name(c.name) : `${name(c.name)} = ${printExpr(c.expr)}`;
}

function aggregation(agg: Aggregation): string {
  const args = aggregationArgs(agg).map(printExpr);
  const size = 'maxSize' in agg && agg.maxSize !== undefined ? [String(agg.maxSize)] : [];
  const returns = agg.fn === 'arg_max' || agg.fn === 'arg_min';
  const shown = returns ? [args[0]!, ...agg.returns.map(named)] : [...args, ...size];
  return `${name(agg.name)} = ${agg.fn}(${shown.join(', ')})`;
}

function sortKey(key: SortKey): string {
  const direction = key.descending ? 'desc' : 'asc';
  return `${printExpr(key.expr)} ${direction} nulls ${key.nullsFirst ? 'first' : 'last'}`;
}

/** An expression in a compact function-call form: `eq(EventID, 4688)`. */
export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'Literal':
      if (expr.value === null) return `${expr.type}(null)`;
      return typeof expr.value === 'string' ? JSON.stringify(expr.value) : String(expr.value);
    case 'ColumnRef':
      return name(expr.name);
    case 'EventField':
      return `event.${name(expr.name)}`;
    case 'RowField':
      return `row.${name(expr.name)}`;
    case 'Call':
      return `${expr.fn}(${expr.args.map(printExpr).join(', ')})`;
    case 'Case': {
      const parts = expr.branches.flatMap((b) => [printExpr(b.when), printExpr(b.then)]);
      return `case(${[...parts, printExpr(expr.otherwise)].join(', ')})`;
    }
    case 'Cast':
      return `to${expr.type}(${printExpr(expr.arg)})`;
    default:
      return assertNever(expr, 'expression');
  }
}

/** A name as is when it is a plain identifier, else in Kusto's `['...']` brackets. */
function name(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : `['${text.replaceAll("'", "\\'")}']`;
}
