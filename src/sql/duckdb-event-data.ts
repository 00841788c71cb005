/**
 * Renderings of a Windows event's fields on DuckDB, where they live in the `EventData` JSON
 * column. Each rendering first takes the event's own fields: the object's entries in document
 * order, less the keys its `_Format` does not count as event data (see
 * `schema/views/event-keys.ts`) and, for formats that keep whole exported rows, less empty
 * values and Log Analytics' `_` columns.
 */
import { PROMOTED_FIELDS } from '../schema/layout.js';
import { WHOLE_ROW_FORMATS } from '../schema/views/event-keys.js';

/** What the renderings need from the compiler. */
export interface EventDataContext {
  /** A quoted name. */
  name(name: string): string;
  /** A string constant. */
  text(value: string): string;
  /** Text escaped for XML content and attribute values. */
  xmlEscape(text: string): string;
  /** Text with only the given characters escaped as XML entities. */
  escapeChars(text: string, chars: readonly ('&' | '<' | '>')[]): string;
}

/** The keys to leave out, per `_Format`. */
export type NonEventKeys = ReadonlyMap<string, readonly string[]>;

export class DuckDBEventData {
  constructor(
    private readonly sql: EventDataContext,
    private readonly keys: NonEventKeys,
  ) {}

  /** `<Data Name="X">value</Data>` for each field. */
  xml(quote: '"' | "'"): string {
    const t = (value: string) => this.sql.text(value);
    const key = this.sql.xmlEscape('e.key');
    return this.joined(
      `${t(`<Data Name=${quote}`)} || ${key} || ${t(`${quote}>`)} || ` +
        `${this.value()} || ${t('</Data>')}`,
      t(''),
    );
  }

  /** `<Param>value</Param>` for each field. */
  params(): string {
    const t = (value: string) => this.sql.text(value);
    return this.joined(`${t('<Param>')} || ${this.value()} || ${t('</Param>')}`, t(''));
  }

  /** One `Name: value` line per field. */
  lines(): string {
    const t = (value: string) => this.sql.text(value);
    return this.joined(`e.key || ${t(': ')} || coalesce(e.value, ${t('')})`, t('\n'));
  }

  /** The fields as a JSON object, values as text. */
  json(): string {
    return `to_json(map_from_entries(${this.entries()}))`;
  }

  /** The event's fields as a list of `{key, value}` structs, values as text. */
  entries(): string {
    const whens = [...this.keys].map(
      ([format, keys]) => `WHEN ${this.sql.text(format)} THEN ${this.filtered(format, keys)}`,
    );
    return whens.length === 0
      ? this.allEntries()
      : `CASE ${this.format()} ${whens.join(' ')} ELSE ${this.allEntries()} END`;
  }

  /** An entry's value, escaped for XML content as Windows renders it (quotes stay). */
  private value(): string {
    return this.sql.escapeChars(`coalesce(e.value, ${this.sql.text('')})`, ['&', '<', '>']);
  }

  private joined(item: string, separator: string): string {
    return `array_to_string(list_transform(${this.entries()}, lambda e: ${item}), ${separator})`;
  }

  private filtered(format: string, keys: readonly string[]): string {
    const list = `[${keys.map((k) => this.sql.text(k)).join(', ')}]`;
    const keep = WHOLE_ROW_FORMATS.includes(format)
      ? `NOT list_contains(${list}, e.key) AND NOT starts_with(e.key, ${this.sql.text('_')}) ` +
        `AND coalesce(e.value, ${this.sql.text('')}) <> ${this.sql.text('')}`
      : `NOT list_contains(${list}, e.key)`;
    return `list_filter(${this.allEntries()}, lambda e: ${keep})`;
  }

  /**
   * The event's fields: the promoted ones from their columns, then the leftovers kept in
   * `EventData` (less any promoted name, which the columns already gave).
   */
  private allEntries(): string {
    const data = this.sql.name('EventData');
    const promoted = PROMOTED_FIELDS.map(
      (f) => `{'key': ${this.sql.text(f)}, 'value': ${this.sql.name(f)}}`,
    );
    const names = `[${PROMOTED_FIELDS.map((f) => this.sql.text(f)).join(', ')}]`;
    const mapType = this.sql.text('"MAP(VARCHAR, VARCHAR)"');
    const leftovers = `map_entries(json_transform(${data}, ${mapType}))`;
    return (
      `list_concat(list_filter([${promoted.join(', ')}], lambda e: e.value IS NOT NULL), ` +
      `list_filter(coalesce(${leftovers}, []), lambda e: NOT list_contains(${names}, e.key)))`
    );
  }

  private format(): string {
    return this.sql.name('_Format');
  }
}
