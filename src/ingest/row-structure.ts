/**
 * The structure `json_transform` fills from each row: the union of every path the export
 * shapes read. A path with children is a struct; every other path is text, which
 * `json_transform` gives as JSON text when the value is an object or an array.
 */
import { DUCKDB_DIALECT } from '../sql/dialect.js';
import { jsonPath, type RowAccess } from './shapes/shape.js';

interface Node {
  /** Children by lower-cased name. */
  children: Map<string, Node>;
  /** The column that holds this path once the structure is unpacked. */
  column: string;
  /** The spelling the path was first read with. */
  name: string;
}

/**
 * A `RowAccess` that records the paths it is asked for. Each path becomes a column of its own
 * (`f1`, `f2` ...) unpacked from the transformed row before any shape reads it: reading struct
 * fields inside the shapes' many `CASE` branches would copy the whole struct each time.
 */
export class RowStructure implements RowAccess {
  private readonly root: Node = { children: new Map(), column: '', name: '' };
  private readonly leaves: { path: readonly string[]; column: string }[] = [];

  /** @param alias the SQL name of the transformed row. */
  constructor(private readonly alias: string) {}

  text(...path: string[]): string {
    const node = this.visit(path);
    // A path spelled differently from the field it landed on (`HostName` against `Hostname`)
    // is read on its own: the structure cannot hold both, and JSON keys are case-sensitive.
    if (this.spelling(path).join('\0') !== path.join('\0')) {
      return `json_extract_string(r, ${DUCKDB_DIALECT.literal(jsonPath(path))})`;
    }
    return node.column;
  }

  /** Objects and arrays come back as JSON; other values as JSON strings. */
  json(...path: string[]): string {
    const text = this.text(...path);
    return (
      `coalesce(CASE WHEN left(${text}, 1) IN ('{', '[') THEN TRY_CAST(${text} AS JSON) END, ` +
      `to_json(${text}))`
    );
  }

  firstText(...keys: string[]): string {
    return `coalesce(${keys.map((key) => this.text(key)).join(', ')})`;
  }

  has(...path: string[]): string {
    return `(${this.text(...path)} IS NOT NULL)`;
  }

  /** The structure, as `json_transform` takes it. */
  structure(): string {
    return JSON.stringify(describe(this.root));
  }

  /** `x."a"."b" AS f1, ...`: every path read, unpacked into its column. */
  columns(): string[] {
    return this.leaves.map((leaf) => `${this.ref(leaf.path)} AS ${leaf.column}`);
  }

  private visit(path: readonly string[]): Node {
    let node = this.root;
    for (const [depth, segment] of path.entries()) {
      // Struct fields are case-insensitive in DuckDB: `HostName` and `Hostname` are one field.
      const key = segment.toLowerCase();
      let child = node.children.get(key);
      if (!child) {
        const column = `f${this.leaves.length + 1}`;
        child = { children: new Map(), column, name: segment };
        node.children.set(key, child);
        this.leaves.push({ path: this.spelling(path.slice(0, depth + 1)), column });
      }
      node = child;
    }
    return node;
  }

  /** A path as first spelled. */
  private spelling(path: readonly string[]): string[] {
    let node = this.root;
    return path.map((segment) => {
      node = node.children.get(segment.toLowerCase()) ?? node;
      return node.name || segment;
    });
  }

  private ref(path: readonly string[]): string {
    return [this.alias, ...path.map((s) => DUCKDB_DIALECT.identifier(s))].join('.');
  }
}

type Description = string | { [key: string]: Description };

function describe(node: Node): Description {
  if (node.children.size === 0) return 'VARCHAR';
  return Object.fromEntries([...node.children.values()].map((c) => [c.name, describe(c)]));
}
