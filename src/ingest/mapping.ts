/**
 * The statement that maps a file of JSON rows onto the stored layout. DuckDB reads the file
 * itself (its JSON reader is parallel and far faster than parsing in JavaScript); every field
 * any shape reads becomes a column (see `RowStructure`), and the row's shape then decides how
 * each stored column is computed from them.
 */
import { EVENT_COLUMNS, PROMOTED_FIELDS, SYSTEM_COLUMNS } from '../schema/layout.js';
import { DUCKDB_DIALECT } from '../sql/dialect.js';
import { RowStructure, type RowSource } from './row-structure.js';
import { SHAPE_EXPECTATION, SHAPES } from './shapes/index.js';
import {
  ROW,
  str,
  type Shape,
  type ShapeOptions,
  type ShapeSql,
  type SystemTarget,
} from './shapes/shape.js';

const id = DUCKDB_DIALECT.identifier;

interface BuiltShape {
  readonly name: string;
  readonly test: string;
  readonly sql: ShapeSql;
  /** SQL for each promoted field, in `PROMOTED_FIELDS` order. */
  readonly promoted: readonly string[];
  /** SQL for the leftovers: the event data without the promoted fields and non-event keys. */
  readonly leftovers: string;
}

const PROMOTED_STRUCT = str(
  JSON.stringify(Object.fromEntries(PROMOTED_FIELDS.map((name) => [name, 'VARCHAR']))),
);

/**
 * Builds every shape's SQL. Shapes are built from the last (flat exports, the most common) to
 * the first, so where two shapes spell a key differently the flat exports' spelling gets the
 * fast path (see `RowStructure`).
 */
function buildShapes(row: RowStructure, options: ShapeOptions): BuiltShape[] {
  const build = () => [...SHAPES].reverse().map((shape) => buildShape(shape, row, options));
  // The first pass tells the structure every field read; the second writes SQL knowing them all.
  build();
  return build().reverse();
}

function buildShape(shape: Shape, row: RowStructure, options: ShapeOptions): BuiltShape {
  // A shape no row of the file can have is left out of every `CASE`.
  const test = row.reads(shape.test(row)) ? shape.test(row) : 'FALSE';
  const sql = shape.build(row, options);
  const drop = [...PROMOTED_FIELDS, ...sql.dataDrop];
  if (sql.data === ROW) {
    const promoted = PROMOTED_FIELDS.map((name) => row.text(name));
    return { name: shape.name, test, sql, promoted, leftovers: row.without(drop) };
  }
  // Nested event data: its promoted fields come from a second, small transform.
  const n = SHAPES.indexOf(shape) + 1;
  const promoted = PROMOTED_FIELDS.map((name) => `d${n}.${id(name)}`);
  const patch = str(JSON.stringify(Object.fromEntries(drop.map((key) => [key, null]))));
  const leftovers = `json_merge_patch(${sql.data}, ${patch})`;
  return { name: shape.name, test, sql, promoted, leftovers };
}

/** `CASE shape WHEN 1 THEN ... END` over the built shapes. */
function perShape(
  shapes: readonly BuiltShape[],
  pick: (s: BuiltShape) => string | undefined,
): string {
  const possible = shapes.filter((s) => s.test !== 'FALSE');
  // With one possible shape whose data is the row itself, every stored row has that shape and
  // no expression can fail on another's: the values need no `CASE` (the cheapest bulk path).
  const only = possible.length === 1 && possible[0]!.sql.data === ROW ? possible[0] : undefined;
  if (only) return pick(only) ?? 'NULL';
  const whens = shapes
    .map((s, i) => [i + 1, s.test === 'FALSE' ? undefined : pick(s)] as const)
    .filter(([, sql]) => sql !== undefined && sql !== 'NULL')
    .map(([n, sql]) => `WHEN ${n} THEN ${sql}`);
  return whens.length ? `CASE shape ${whens.join(' ')} END` : 'NULL';
}

function extraObject(sql: ShapeSql): string | undefined {
  if (sql.extra.length === 0) return undefined;
  const whole = sql.extra.filter(([name]) => name === '*').map(([, expr]) => expr);
  const pairs = sql.extra.filter(([name]) => name !== '*');
  if (whole.length === 1 && pairs.length === 0) return whole[0];
  let object = `'{}'`;
  for (const expr of whole) object = `json_merge_patch(${object}, coalesce(${expr}, '{}'))`;
  if (pairs.length > 0) {
    const args = pairs.map(([name, expr]) => `${str(name)}, ${expr}`).join(', ');
    object = `json_merge_patch(${object}, json_object(${args}))`;
  }
  return object;
}

function nestedData(shapes: readonly BuiltShape[]): string[] {
  return shapes.flatMap((s, i) =>
    s.sql.data === ROW || s.test === 'FALSE'
      ? []
      : [
          `CASE WHEN shape = ${i + 1} THEN json_transform(${s.sql.data}, ${PROMOTED_STRUCT}) ` +
            `END AS d${i + 1}`,
        ],
  );
}

function storedColumns(shapes: readonly BuiltShape[], batch: number, source: string): string[] {
  const system = SYSTEM_COLUMNS.map(
    (c) => `${perShape(shapes, (s) => s.sql.system[c.name as SystemTarget])} AS ${id(c.name)}`,
  );
  const promoted = PROMOTED_FIELDS.map(
    (name, i) => `${perShape(shapes, (s) => s.promoted[i])} AS ${id(name)}`,
  );
  return [
    `${perShape(shapes, (s) => s.sql.table)} AS _Table`,
    `${batch} AS _Batch`,
    `${str(source)} AS _Source`,
    `${perShape(shapes, (s) => str(s.name))} AS _Format`,
    ...system,
    ...promoted,
    `NULLIF(${perShape(shapes, (s) => s.leftovers)}, '{}') AS EventData`,
    `NULLIF(${perShape(shapes, (s) => extraObject(s.sql))}, '{}') AS Extra`,
  ];
}

/**
 * Why a row is not stored, or null (`findRejected` tells bad JSON apart). Loads filter on the
 * shape alone and drop rows without a time afterwards: a filter on the time would make the
 * engine parse every time twice.
 */
const PROBLEM = `CASE WHEN shape IS NULL
  THEN ${str(`not a recognised event: expected ${SHAPE_EXPECTATION}`)}
  WHEN TimeCreated IS NULL THEN 'no readable time' END`;

/** The identity of an event (see docs/storage.md). */
function itemId(row: RowStructure): string {
  return `md5(CASE WHEN _Table IS NULL AND EventRecordID IS NOT NULL AND Computer IS NOT NULL
    THEN concat_ws('|', 'event', lower(Computer), lower(coalesce(Channel, '')), EventRecordID,
      epoch_ns(TimeCreated) // 1000000000)
    ELSE 'content|' || ${row.whole()} END)::UUID`;
}

/** What a load needs to know about the rows it maps. */
export interface MappingOptions extends ShapeOptions {
  /** A file of JSON values, one per line. */
  readonly path: string;
  /** How its rows are read: see `RowStructure`. */
  readonly rows: RowSource;
  readonly batch: number;
  readonly sourceName: string;
}

/**
 * A SELECT yielding every column of the events table, `_Unshaped` (the row has no shape) and
 * `_Problem` (why the row cannot be stored, null when it can). A line that is not valid JSON
 * reads as a row with no fields.
 */
export function mappingQuery(options: MappingOptions): string {
  const row = new RowStructure(options.rows);
  const shapes = buildShapes(row, options);
  const tests = shapes.flatMap((s, i) =>
    s.test === 'FALSE' ? [] : [`WHEN ${s.test} THEN ${i + 1}`],
  );
  const classify = tests.length > 0 ? `CASE ${tests.join(' ')} END` : 'NULL::INTEGER';
  const stored = storedColumns(shapes, options.batch, options.sourceName);
  const source = row.from(readerOptions(options.path));
  const nested = row.nestedTransforms();
  const unpacked = row.nestedColumns();
  const data = nestedData(shapes);

  return `WITH
src AS ${source},
nest AS (SELECT *${nested.map((t) => `, ${t}`).join('')} FROM src),
unpacked AS (SELECT *${unpacked.map((c) => `, ${c}`).join('')} FROM nest),
cls AS (SELECT *, ${classify} AS shape FROM unpacked),
dat AS (SELECT *${data.map((d) => `, ${d}`).join('')} FROM cls),
mapped AS (SELECT *, ${stored.join(',\n  ')} FROM dat)
SELECT ${itemId(row)} AS _ItemId, ${EVENT_COLUMNS.slice(1)
    .map((c) => id(c.name))
    .join(', ')},
  shape IS NULL AS _Unshaped, ${PROBLEM} AS _Problem
FROM mapped`;
}

/** The reader arguments for a file of JSON lines; a bad line reads as a row of nulls. */
export function readerOptions(path: string): string {
  return (
    `${str(path)}, format = 'newline_delimited', ignore_errors = true, ` +
    `compression = 'uncompressed', maximum_object_size = 16777216`
  );
}
