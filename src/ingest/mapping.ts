/**
 * The statement that maps a file of JSON rows onto the stored layout. DuckDB reads the file
 * itself (its JSON reader is parallel and far faster than parsing in JavaScript). Every path
 * any shape reads joins one structure that `json_transform` fills from each row in one pass;
 * the row's shape then decides how each stored column is computed.
 */
import { EVENT_COLUMNS, PROMOTED_FIELDS, SYSTEM_COLUMNS } from '../schema/layout.js';
import { DUCKDB_DIALECT } from '../sql/dialect.js';
import { SHAPE_EXPECTATION, SHAPES } from './shapes/index.js';
import {
  str,
  type Shape,
  type ShapeOptions,
  type ShapeSql,
  type SystemTarget,
} from './shapes/shape.js';
import { RowStructure } from './row-structure.js';

const id = DUCKDB_DIALECT.identifier;

interface BuiltShape {
  readonly name: string;
  readonly test: string;
  readonly sql: ShapeSql;
  /** SQL for each promoted field, in `PROMOTED_FIELDS` order. */
  readonly promoted: readonly string[];
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
  const built = [...SHAPES].reverse().map((shape) => buildShape(shape, row, options));
  return built.reverse();
}

function buildShape(shape: Shape, row: RowStructure, options: ShapeOptions): BuiltShape {
  const i = SHAPES.indexOf(shape);
  const test = shape.test(row);
  const sql = shape.build(row, options);
  // Nested event data: its promoted fields come from a second, small transform.
  const promoted =
    sql.data === 'r'
      ? PROMOTED_FIELDS.map((name) => row.text(name))
      : PROMOTED_FIELDS.map((name) => `d${i + 1}.${id(name)}`);
  return { name: shape.name, test, sql, promoted };
}

/** `CASE shape WHEN 1 THEN ... END` over the built shapes. */
function perShape(
  shapes: readonly BuiltShape[],
  pick: (s: BuiltShape) => string | undefined,
): string {
  const whens = shapes
    .map((s, i) => [i + 1, pick(s)] as const)
    .filter(([, sql]) => sql !== undefined && sql !== 'NULL')
    .map(([n, sql]) => `WHEN ${n} THEN ${sql}`);
  return whens.length ? `CASE shape ${whens.join(' ')} END` : 'NULL';
}

function extraObject(sql: ShapeSql): string | undefined {
  if (sql.extra.length === 0) return undefined;
  const whole = sql.extra.filter(([name]) => name === '*').map(([, expr]) => expr);
  const pairs = sql.extra.filter(([name]) => name !== '*');
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
    s.sql.data === 'r'
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
    `NULLIF(${perShape(shapes, (s) => s.sql.data)}::JSON, '{}') AS EventData`,
    `NULLIF(${perShape(shapes, (s) => extraObject(s.sql))}, '{}') AS Extra`,
  ];
}

/** The reason a row is not stored, or null. */
const REJECT = `CASE WHEN shape IS NOT NULL AND TimeCreated IS NOT NULL THEN NULL
  WHEN r IS NULL THEN 'not valid JSON'
  WHEN json_type(r) <> 'OBJECT' THEN 'a JSON ' || lower(json_type(r)) || ', not an object'
  WHEN shape IS NULL THEN ${str(`not a recognised event: expected ${SHAPE_EXPECTATION}`)}
  ELSE 'no readable time' END`;

/** The identity of an event (see docs/storage.md). */
const ITEM_ID = `md5(CASE WHEN _Table IS NULL AND EventRecordID IS NOT NULL AND Computer IS NOT NULL
    THEN concat_ws('|', 'event', lower(Computer), lower(coalesce(Channel, '')), EventRecordID,
      epoch_ns(TimeCreated) // 1000000000)
    ELSE 'content|' || r END)::UUID`;

/** What a load needs to know about the rows it maps. */
export interface MappingOptions extends ShapeOptions {
  /** SQL table expression yielding the rows as one JSON column named `json`. */
  readonly source: string;
  readonly batch: number;
  readonly sourceName: string;
}

/**
 * A SELECT yielding every column of the events table plus `_Reject` (why a row is not stored,
 * null when it is).
 */
export function mappingQuery(options: MappingOptions): string {
  const row = new RowStructure('x');
  const shapes = buildShapes(row, options);
  const classify = `CASE ${shapes.map((s, i) => `WHEN ${s.test} THEN ${i + 1}`).join(' ')} END`;
  const nested = nestedData(shapes);

  return `WITH
src AS (SELECT json AS r FROM ${options.source}),
fields AS (SELECT r, json_transform(r, ${str(row.structure())}) AS x FROM src),
unpacked AS (SELECT r, ${row.columns().join(', ')} FROM fields),
cls AS (SELECT *, ${classify} AS shape FROM unpacked),
dat AS (SELECT *${nested.map((n) => `, ${n}`).join('')} FROM cls),
mapped AS (SELECT r, shape,
  ${storedColumns(shapes, options.batch, options.sourceName).join(',\n  ')}
  FROM dat)
SELECT ${ITEM_ID} AS _ItemId, ${EVENT_COLUMNS.slice(1)
    .map((c) => id(c.name))
    .join(', ')},
  ${REJECT} AS _Reject
FROM mapped`;
}

/** The table expression that reads a file of JSON lines. */
export function jsonLinesSource(path: string): string {
  return (
    `read_json_objects(${str(path)}, format = 'newline_delimited', ignore_errors = true, ` +
    `compression = 'uncompressed')`
  );
}
