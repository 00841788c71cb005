/**
 * Cuts a stream of XML text into the top-level `<Event>` elements it holds, without parsing
 * them, so memory holds one event at a time whatever the size of the input. The scanner it
 * builds on (`xml-scan`) finds the tags; this class decides where events begin and end.
 *
 * An `<Event>` ends at the first `</Event>`: events never nest, so a later `<Event` start tag
 * (or the `</Events>` of an Event Viewer export) also ends an event left unclosed, which then
 * fails to parse on its own while the events after it are kept. `<Events>` tags, comments,
 * processing instructions and declarations between events are passed over; anything else is
 * reported once, and what follows it is skipped up to the next `<Event`.
 */
import { localName, MarkupScanner, type TextPoint } from './xml-scan.js';

export type { TextPoint } from './xml-scan.js';

/** What the splitter found at the top level of the input. */
export type XmlPiece =
  /** The complete text of one `<Event>` element, which may still be malformed inside. */
  | { readonly kind: 'segment'; readonly start: TextPoint; readonly text: string }
  /** An `<Event>` element too large to hold; its text was dropped. */
  | { readonly kind: 'oversized'; readonly start: TextPoint; readonly length: number }
  /** Something other than an event where one was expected; what follows it is skipped. */
  | { readonly kind: 'stray'; readonly at: TextPoint; readonly found: string };

/** Longest event text kept, in UTF-16 code units; real events are far smaller. */
export const MAX_EVENT_CHARS = 16 * 1024 * 1024;

const STRAY_SNIPPET_CHARS = 40;

/** Where the splitter stands: between events, skipping garbage, or inside an event. */
type Mode = 'between' | 'skipping' | 'event';

/**
 * A resumable splitter: feed it text with `push` as it arrives, then call `end` once.
 *
 * @example
 * const splitter = new EventSplitter();
 * const pieces = [...splitter.push('<Events><Event><System/></Event>'), ...splitter.end()];
 * // [{ kind: 'segment', start: { line: 1, column: 9 }, text: '<Event><System/></Event>' }]
 */
export class EventSplitter extends MarkupScanner {
  private mode: Mode = 'between';
  private out: XmlPiece[] = [];

  private eventStart: TextPoint = { line: 1, column: 1 };
  private eventOffset = 0;
  private eventParts: string[] = [];
  /** Characters kept in `eventParts`, or -1 once the event grew too large to keep. */
  private eventLength = 0;
  private rootTagOpen = false;

  /** @param maxEventChars the longest event text kept; a longer event becomes `oversized`. */
  constructor(private readonly maxEventChars = MAX_EVENT_CHARS) {
    super();
  }

  /** Scans the next piece of text and returns the pieces it completed. */
  push(text: string): XmlPiece[] {
    this.out = [];
    this.scan(text);
    this.keepEventTail();
    return this.out;
  }

  /** Ends the input and returns what is left: an unclosed event, or unfinished markup. */
  end(): XmlPiece[] {
    this.out = [];
    this.scan('');

    if (this.mode === 'event') {
      this.emitEvent(this.chunkOffset);
    } else if (this.mode === 'between' && this.inMarkup) {
      this.stray(this.tagStart, 'unfinished markup at the end of the input');
    }
    return this.out;
  }

  protected override onText(from: number, to: number): void {
    if (this.mode !== 'between') return;

    const first = firstNonSpace(this.chunk, from, to);
    if (first < to) this.stray(this.pointAt(first), `text ${quoteSnippet(this.chunk, first, to)}`);
  }

  protected override onStartTagName(): void {
    const local = localName(this.name);

    if (local === 'Event') {
      if (this.mode === 'event') this.emitEvent(this.tagOffset);
      this.startEvent();
    } else if (this.mode === 'event') {
      return;
    } else if (local === 'Events') {
      this.mode = 'between';
    } else if (this.mode === 'between') {
      this.stray(this.tagStart, `<${this.name}>`);
    }
  }

  protected override onStartTagEnd(selfClosing: boolean, end: number): void {
    if (this.mode !== 'event' || !this.rootTagOpen) return;

    this.rootTagOpen = false;
    if (selfClosing) this.emitEvent(this.chunkOffset + end);
  }

  protected override onEndTag(end: number): void {
    const local = localName(this.name);

    if (this.mode === 'event') {
      if (local === 'Event') this.emitEvent(this.chunkOffset + end);
      if (local === 'Events') this.emitEvent(this.tagOffset);
    } else if (local === 'Events') {
      this.mode = 'between';
    } else if (this.mode === 'between') {
      this.stray(this.tagStart, `</${this.name}>`);
    }
  }

  protected override onLooseMarkup(what: string): void {
    if (this.mode === 'between') this.stray(this.tagStart, what);
  }

  /** Begins an event at the `<` of the tag just named. */
  private startEvent(): void {
    const carried = this.tagOffset < this.chunkOffset;

    this.mode = 'event';
    this.rootTagOpen = true;
    this.eventStart = this.tagStart;
    this.eventOffset = this.tagOffset;
    this.eventParts = carried ? [this.tagCarry] : [];
    this.eventLength = carried ? this.tagCarry.length : 0;
  }

  /** Emits the current event, which ends just before the input offset `endOffset`. */
  private emitEvent(endOffset: number): void {
    const start = this.eventStart;
    const length = endOffset - this.eventOffset;

    if (this.eventLength < 0 || length > this.maxEventChars) {
      this.out.push({ kind: 'oversized', start, length });
    } else {
      this.out.push({ kind: 'segment', start, text: this.eventText(endOffset) });
    }

    this.mode = 'between';
    this.eventParts = [];
    this.eventLength = 0;
  }

  /** The text of the current event, from its `<` to just before the input offset `endOffset`. */
  private eventText(endOffset: number): string {
    const kept = this.eventParts.join('');
    const to = endOffset - this.chunkOffset;
    if (to < 0) return kept.slice(0, endOffset - this.eventOffset);

    const from = Math.max(0, this.eventOffset - this.chunkOffset);
    return kept + this.chunk.slice(from, to);
  }

  /** Keeps the end of the chunk that belongs to an event still open, unless it grew too large. */
  private keepEventTail(): void {
    if (this.mode !== 'event' || this.eventLength < 0) return;

    const part = this.chunk.slice(Math.max(0, this.eventOffset - this.chunkOffset));
    this.eventParts.push(part);
    this.eventLength += part.length;

    if (this.eventLength > this.maxEventChars) {
      this.eventParts = [];
      this.eventLength = -1;
    }
  }

  private stray(at: TextPoint, found: string): void {
    this.out.push({ kind: 'stray', at, found });
    this.mode = 'skipping';
  }
}

/** The index of the first character in `[from, to)` that is not XML white space, or `to`. */
function firstNonSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xfeff) return i;
  }
  return to;
}

/** Up to a few dozen characters of `text` from `from`, quoted for a message. */
function quoteSnippet(text: string, from: number, to: number): string {
  const end = Math.min(to, from + STRAY_SNIPPET_CHARS);
  const snippet = text.slice(from, end).replace(/\s+/g, ' ').trimEnd();
  return JSON.stringify(end < to ? `${snippet}...` : snippet);
}
