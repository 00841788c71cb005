/**
 * How the loading statement reads the fields the export shapes ask for.
 *
 * When the file's top-level keys are known and no two of them differ only in letter case,
 * DuckDB's JSON reader reads every key as a column of its own: its fastest, parallel path. A
 * shape reads a key as text (`VARCHAR`); every other key is kept as JSON, and the row's
 * leftovers and its whole text are put together from those columns. Otherwise (DuckDB's
 * column names are case-insensitive, JSON keys are not) each row is read as JSON text and its
 * fields are taken out with `json_transform`.
 *
 * Either way a key read deeper (`Event.System.Computer`) is taken from its top-level value with
 * `json_transform`, only on rows that have it, and every field read becomes a column of its own
 * (`f1`, `f2` ...).
 */
import { DUCKDB_DIALECT } from '../sql/dialect.js';
import { jsonPath, type RowAccess } from './shapes/shape.js';

interface Node {
  /** The spelling the key was first read with. */
  readonly name: string;
  /** The column that holds this field. */
  readonly column: string;
  /** Keys read below this one, by lower-cased name. */
  readonly children: Map<string, Node>;
}

/** Where the rows come from: typed columns for known keys, or JSON text. */
export type RowSource =
  { readonly kind: 'columns'; readonly keys: readonly string[] } | { readonly kind: 'text' };

const id = DUCKDB_DIALECT.identifier;
const str = DUCKDB_DIALECT.literal;

/** A `RowAccess` that records the fields it is asked for. */
export class RowStructure implements RowAccess {
  private readonly top = new Map<string, Node>();
  private readonly fileKeys: ReadonlySet<string> | undefined;
  private count = 0;

  constructor(readonly source: RowSource) {
    this.fileKeys = source.kind === 'columns' ? new Set(source.keys) : undefined;
  }

  text(...path: string[]): string {
    if (this.fileKeys && !this.fileKeys.has(path[0] ?? '')) return 'NULL::VARCHAR';
    const node = this.visit(path);
    return node ?? `json_extract_string(${this.whole()}, ${str(jsonPath(path))})`;
  }

  json(...path: string[]): string {
    return asJson(this.text(...path));
  }

  firstText(...keys: string[]): string {
    return `coalesce(${keys.map((key) => this.text(key)).join(', ')})`;
  }

  has(...path: string[]): string {
    return `(${this.text(...path)} IS NOT NULL)`;
  }

  /**
   * False when `test` reads none of the file's keys: a shape test is made of such reads, so
   * then no row of the file can have the shape.
   */
  reads(test: string): boolean {
    return this.source.kind === 'text' || /\b[fk]\d+\b|json_extract_string\(/.test(test);
  }

  /** The whole row as JSON. */
  whole(): string {
    if (this.source.kind === 'text') return 'r';
    return objectOf(this.source.keys.map((key) => [key, this.value(key)]));
  }

  pick(keys: readonly string[]): string {
    if (this.source.kind === 'text') {
      const args = keys.map((key) => `${str(key)}, ${this.json(key)}`).join(', ');
      return `json_merge_patch('{}', json_object(${args}))`;
    }
    const present = keys.filter((key) => this.fileKeys?.has(key));
    return objectOf(present.map((key) => [key, this.value(key)]));
  }

  /** The row without `drop`, as JSON: the leftovers of a row whose event data is the row. */
  without(drop: readonly string[]): string {
    if (this.source.kind === 'text') {
      const nulls = JSON.stringify(Object.fromEntries(drop.map((k) => [k, null])));
      return `json_merge_patch(r, ${str(nulls)})`;
    }
    const dropped = new Set(drop);
    return objectOf(
      this.source.keys.filter((key) => !dropped.has(key)).map((key) => [key, this.value(key)]),
    );
  }

  /** The statement's `FROM` clause for the file at `path` (reader arguments in `reader`). */
  from(reader: string): string {
    if (this.source.kind === 'text') {
      const fields = [...this.top.values()].map((n) => `x.${id(n.name)} AS ${n.column}`);
      return (
        `(SELECT r${fields.map((f) => `, ${f}`).join('')} FROM (SELECT json AS r, ` +
        `json_transform(json, ${str(JSON.stringify(this.structure()))}) AS x ` +
        `FROM read_json_objects(${reader})))`
      );
    }
    const columns = this.source.keys.map((key) => `${str(key)}: ${this.typeOf(key)}`);
    const fields = this.source.keys.map((key) => `${id(key)} AS ${this.columnOf(key)}`);
    return (
      `(SELECT ${fields.join(', ')} FROM read_json(${reader}, ` +
      `columns = {${columns.join(', ')}}))`
    );
  }

  /** The transforms of top-level values read deeper, one per such key. */
  nestedTransforms(): string[] {
    return [...this.top.values()]
      .filter((n) => n.children.size > 0)
      .map(
        (n) =>
          `CASE WHEN left(${n.column}, 1) = '{' THEN ` +
          `json_transform(${n.column}, ${str(JSON.stringify(describe(n)))}) END AS ${n.column}_t`,
      );
  }

  /** `f1_t."System"."Computer" AS f7, ...`: the fields read deeper. */
  nestedColumns(): string[] {
    return [...this.top.values()].flatMap((n) => leaves(n, `${n.column}_t`));
  }

  /** The structure `json_transform` reads the top-level keys with (text rows). */
  private structure(): Record<string, string> {
    return Object.fromEntries([...this.top.values()].map((n) => [n.name, 'VARCHAR']));
  }

  /** Keys a shape reads are text; the others stay JSON, as the leftovers keep them. */
  private typeOf(key: string): string {
    return this.top.get(key.toLowerCase())?.name === key ? `'VARCHAR'` : `'JSON'`;
  }

  /** A read key's own column, or `k<n>` for the file's other keys. */
  private columnOf(key: string): string {
    const node = this.top.get(key.toLowerCase());
    if (node?.name === key) return node.column;
    return `k${this.source.kind === 'columns' ? this.source.keys.indexOf(key) + 1 : 0}`;
  }

  /** A key's value as JSON, whichever way it was read. */
  private value(key: string): string {
    const node = this.top.get(key.toLowerCase());
    return node?.name === key ? asJson(node.column) : this.columnOf(key);
  }

  /**
   * The column for `path`, or undefined when a different spelling of one of its keys got there
   * first (`HostName` against `Hostname`); such a path is read from the row's text.
   */
  private visit(path: readonly string[]): string | undefined {
    let children = this.top;
    let node: Node | undefined;
    for (const segment of path) {
      node = children.get(segment.toLowerCase());
      if (!node) {
        node = { name: segment, column: `f${++this.count}`, children: new Map() };
        children.set(segment.toLowerCase(), node);
      }
      if (node.name !== segment) return undefined;
      children = node.children;
    }
    return node?.column;
  }
}

/** Text read from JSON as JSON again: objects and arrays as they were, other values as strings. */
function asJson(text: string): string {
  return (
    `CASE WHEN ${text} IS NULL THEN NULL WHEN ${text}[1] = '{' OR ${text}[1] = '[' ` +
    `THEN coalesce(TRY_CAST(${text} AS JSON), to_json(${text})) ELSE to_json(${text}) END`
  );
}

/** A JSON object of the non-null `[key, json]` pairs, put together as text. */
function objectOf(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return `'{}'`;
  const members = pairs.map(
    ([key, value]) =>
      `CASE WHEN ${value} IS NOT NULL THEN ${str(`${JSON.stringify(key)}:`)} || ${value} END`,
  );
  // Built from JSON values and quoted keys, the text is valid JSON: casting it would parse it.
  return `('{' || concat_ws(',', ${members.join(', ')}) || '}')`;
}

type Description = string | { [key: string]: Description };

function describe(node: Node): Description {
  if (node.children.size === 0) return 'VARCHAR';
  return Object.fromEntries([...node.children.values()].map((c) => [c.name, describe(c)]));
}

function leaves(node: Node, ref: string): string[] {
  return [...node.children.values()].flatMap((child) => {
    const childRef = `${ref}.${id(child.name)}`;
    return [`${childRef} AS ${child.column}`, ...leaves(child, childRef)];
  });
}
