/**
 * Splunk indexes as views in the `splunk` schema. Each kind of event contributes its fields
 * to the index it is configured into; an index holding several kinds has every kind's fields,
 * null where a kind has none. Every event is in exactly one index.
 */
import { InputError } from '../../errors.js';
import type { Expr } from '../../plan/expr.js';
import type { ScalarType } from '../../plan/types.js';
import type { ViewBranch, ViewColumn, ViewDefinition } from './types.js';

/** One kind of event's share of an index: its fields, in order, and its rows. */
export interface IndexPart {
  readonly index: string;
  readonly description: string;
  readonly fields: readonly (readonly [string, Expr])[];
  /** The type of each of its fields. */
  readonly typeOf: (field: string) => ScalarType;
  readonly where: Expr;
}

/** Field families in order; a field already named by an earlier family keeps that meaning. */
export function orderedFields(
  ...families: Readonly<Record<string, Expr>>[]
): (readonly [string, Expr])[] {
  const fields = new Map<string, Expr>();
  for (const family of families) {
    for (const [name, value] of Object.entries(family)) {
      if (!fields.has(name)) fields.set(name, value);
    }
  }
  return [...fields];
}

/** Splunk index names: lower-case letters, digits, `_` and `-`, not starting with `_`. */
const INDEX_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** Groups the parts into one view per index. */
export function indexViews(parts: readonly IndexPart[]): ViewDefinition[] {
  const byIndex = new Map<string, IndexPart[]>();
  for (const part of parts) {
    if (!INDEX_NAME.test(part.index)) {
      throw new InputError(`not a Splunk index name: '${part.index}' (use a-z, 0-9, _ and -)`);
    }
    byIndex.set(part.index, [...(byIndex.get(part.index) ?? []), part]);
  }
  return [...byIndex].map(([index, members]) => indexView(index, members));
}

function indexView(index: string, parts: readonly IndexPart[]): ViewDefinition {
  const columns = new Map<string, ViewColumn>();
  for (const part of parts) {
    for (const [name] of part.fields) {
      if (!columns.has(name)) columns.set(name, { name, type: part.typeOf(name) });
    }
  }
  const branches: ViewBranch[] = parts.map((part) => ({
    where: part.where,
    values: Object.fromEntries(part.fields),
  }));
  return {
    name: index,
    schema: 'splunk',
    description: `Splunk index ${index}: ${parts.map((p) => p.description).join('; ')}`,
    columns: [...columns.values()],
    branches,
  };
}
