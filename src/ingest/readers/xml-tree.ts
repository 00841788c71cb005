/**
 * Parses the text of one event (cut out by the splitter) into a small element tree with
 * strict, namespace-aware `saxes`. An event is a few kilobytes, so a tree costs little and
 * keeps the mapping to a record simple. Positions are translated back to the whole input.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

import type { TextPoint } from './xml-split.js';

/** One element of an event: local name, namespace, attributes, children and text. */
export interface XmlElement {
  readonly name: string;
  readonly namespace: string;
  /** Attributes by local name; namespace declarations are left out. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own character data (CDATA included, entities decoded), children left out. */
  readonly text: string;
  /** Where the element's `<` stands in the input. */
  readonly at: TextPoint;
}

/** The outcome of parsing one event's text. */
export type SegmentParse =
  | { readonly kind: 'parsed'; readonly root: XmlElement }
  | { readonly kind: 'malformed'; readonly at: TextPoint; readonly message: string };

interface OpenElement {
  readonly name: string;
  readonly namespace: string;
  readonly attributes: Map<string, string>;
  readonly children: OpenElement[];
  text: string;
  readonly at: TextPoint;
}

/**
 * Parses `text`, whose first character stands at `start` in the input.
 *
 * @example
 * parseSegment('<Event><System/></Event>', { line: 3, column: 1 });
 * // { kind: 'parsed', root: { name: 'Event', children: [{ name: 'System', ... }], ... } }
 */
export function parseSegment(text: string, start: TextPoint): SegmentParse {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: OpenElement[] = [];
  const place = pointFinder(text, start);
  let root: OpenElement | undefined;
  let tagAt: TextPoint = start;
  let lastClosed: OpenElement | undefined;
  let failure: { at: TextPoint; message: string } | undefined;

  parser.on('opentagstart', () => {
    // saxes has read the name and the character after it; the `<` is the last one before.
    tagAt = place(text.lastIndexOf('<', parser.position - 1));
  });

  parser.on('opentag', (tag) => {
    const element = openElement(tag, tagAt);
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });

  parser.on('closetag', () => {
    lastClosed = stack.pop();
  });

  parser.on('text', (data) => appendText(stack, data));
  parser.on('cdata', (data) => appendText(stack, data));

  parser.on('error', (error) => {
    if (failure !== undefined) return;
    const message = explain(error.message, stack.at(-1), lastClosed);
    failure = { at: place(errorIndex(text, parser.position, message)), message };
  });

  parser.write(text).close();

  if (failure !== undefined) return { kind: 'malformed', ...failure };
  if (root === undefined) return { kind: 'malformed', at: start, message: 'expected an element' };
  return { kind: 'parsed', root };
}

function openElement(tag: SaxesTagNS, at: TextPoint): OpenElement {
  const attributes = new Map<string, string>();
  for (const key in tag.attributes) {
    const attribute = tag.attributes[key]!;
    if (attribute.prefix !== 'xmlns' && key !== 'xmlns') {
      attributes.set(attribute.local, attribute.value);
    }
  }

  return { name: tag.local, namespace: tag.uri, attributes, children: [], text: '', at };
}

function appendText(stack: readonly OpenElement[], data: string): void {
  const current = stack.at(-1);
  if (current !== undefined) current.text += data;
}

/** Plainer words for the `saxes` messages that say what was found but not what was expected. */
const PLAIN_MESSAGES: Readonly<Record<string, string>> = {
  'undefined entity':
    'expected &amp;, &lt;, &gt;, &quot;, &apos; or a character reference, found an unknown entity',
  'disallowed character': 'found a character that XML does not allow here',
  'unquoted attribute value': 'expected a quoted attribute value',
  'attribute without value': 'expected "=" and a quoted value after the attribute name',
};

/** Rewords the messages `saxes` gives for the mistakes real exports contain. */
function explain(
  message: string,
  open: OpenElement | undefined,
  lastClosed: OpenElement | undefined,
): string {
  const bare = message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');

  if (bare.startsWith('unclosed tag') && open !== undefined) {
    return `${expectClose(open)}, found the end of the event`;
  }
  if (bare === 'unexpected close tag' && lastClosed !== undefined) {
    return `${expectClose(lastClosed)}, found a different closing tag`;
  }
  return PLAIN_MESSAGES[bare] ?? bare;
}

function expectClose(element: OpenElement): string {
  const { name, at } = element;
  const opened = `line ${at.line}, column ${at.column}`;
  return `expected </${name}> to close the <${name}> opened at ${opened}`;
}

/**
 * Where a message should point: just after the last markup when the event ended too soon, at the
 * `</` of a closing tag that does not match or the `&` of an unknown entity, otherwise at the
 * character `saxes` has just read.
 */
function errorIndex(text: string, position: number, message: string): number {
  if (message.endsWith('found the end of the event')) return text.trimEnd().length;
  if (message.endsWith('found a different closing tag')) {
    return Math.max(0, text.lastIndexOf('</', position - 1));
  }
  if (message.endsWith('found an unknown entity')) {
    return Math.max(0, text.lastIndexOf('&', position - 1));
  }
  return Math.max(0, position - 1);
}

/** A function from an index in `text` to its place in the input, `text` starting at `start`. */
function pointFinder(text: string, start: TextPoint): (index: number) => TextPoint {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    lineStarts.push(at + 1);
  }

  return (index) => {
    const line = lastAtOrBefore(lineStarts, index);
    const column = index - lineStarts[line]! + 1;
    return line === 0
      ? { line: start.line, column: start.column + column - 1 }
      : { line: start.line + line, column };
  };
}

/** The index of the last entry of the ascending `values` that is at most `target`. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (values[middle]! <= target) low = middle;
    else high = middle - 1;
  }
  return low;
}
