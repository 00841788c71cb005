/**
 * Turns XML elements into event fields: names in document order, a repeated name becoming an
 * array of its values, an element with structure becoming a nested object.
 */
import type { FieldValue } from '../record.js';
import type { XmlElement } from './xml-tree.js';

/** The key under which an element that also has attributes or children keeps its text. */
export const TEXT_KEY = '#text';

const PLAIN_PROPERTY = { enumerable: true, writable: true, configurable: true } as const;

/** Collects named values in first-seen order; a name given several values keeps them all. */
export class FieldBag {
  private readonly values = new Map<string, FieldValue>();
  /** The names given more than one value; their entries in `values` are arrays owned here. */
  private readonly repeated = new Set<string>();

  /** Adds one value under `name`, after any it already has. */
  add(name: string, value: FieldValue): void {
    const existing = this.values.get(name);
    if (existing === undefined) {
      this.values.set(name, value);
    } else if (this.repeated.has(name)) {
      (existing as FieldValue[]).push(value);
    } else {
      this.values.set(name, [existing, value]);
      this.repeated.add(name);
    }
  }

  get size(): number {
    return this.values.size;
  }

  /** The fields as an object: a name seen once maps to its value, a repeated one to an array. */
  toObject(): Record<string, FieldValue> {
    const fields: Record<string, FieldValue> = {};
    for (const [name, value] of this.values) {
      // Assigning to `__proto__` would change the object's prototype instead of adding a field.
      if (name === '__proto__') Object.defineProperty(fields, name, { value, ...PLAIN_PROPERTY });
      else fields[name] = value;
    }
    return fields;
  }
}

/**
 * The value of an element: its text when it is a plain leaf, otherwise an object of its
 * attributes, then its children, then its text under `#text` when that is not blank.
 *
 * @example
 * // <Header>Accept: *\/*</Header>          -> 'Accept: *\/*'
 * // <URL scheme="http">http://a/b</URL>    -> { scheme: 'http', '#text': 'http://a/b' }
 * // <Info><A>1</A><A>2</A><B/></Info>      -> { A: ['1', '2'], B: '' }
 */
export function elementValue(element: XmlElement): FieldValue {
  if (element.children.length === 0 && element.attributes.size === 0) return element.text;

  const bag = new FieldBag();
  for (const [name, value] of element.attributes) bag.add(name, value);
  addChildren(bag, element);
  if (element.text.trim() !== '') bag.add(TEXT_KEY, element.text);
  return bag.toObject();
}

/** Adds each child of `element` to `bag` under the child's name. */
export function addChildren(bag: FieldBag, element: XmlElement): void {
  for (const child of element.children) bag.add(child.name, elementValue(child));
}

/** The first child of `element` with the local name `name`. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}
