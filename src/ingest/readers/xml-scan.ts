/**
 * The lexical half of the event splitter: a resumable scanner that walks XML text chunk by
 * chunk and reports tags, character data and the few pieces of markup that matter for finding
 * element boundaries. It honours quoted attribute values, comments, CDATA sections, processing
 * instructions and declarations, so a `<` inside any of them is not taken for a tag. It keeps
 * nothing but the state of the construct it is in, and the start of a tag still being named.
 */
import { assertNever } from '../../errors.js';

/** A place in the input text; both numbers start at 1, columns count UTF-16 code units. */
export interface TextPoint {
  readonly line: number;
  readonly column: number;
}

/** Lexical states: where inside the markup the next character falls. */
type Lex =
  | 'text'
  | 'open'
  | 'startName'
  | 'inTag'
  | 'attrValue'
  | 'slash'
  | 'endName'
  | 'endTag'
  | 'bang'
  | 'comment'
  | 'cdata'
  | 'pi'
  | 'decl';

/** Names longer than this are cut short; no name Quarry looks for comes close. */
const MAX_NAME_CHARS = 256;

const COMMENT_OPEN = '--';
const CDATA_OPEN = '[CDATA[';

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const DASH = 0x2d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Scans markup and calls its hooks; a subclass decides what the tags mean. Indexes given to
 * hooks are into `chunk`, the text being scanned, which begins at `chunkOffset` in the input.
 */
export abstract class MarkupScanner {
  /** The text being scanned. */
  protected chunk = '';
  /** How many characters of input came before `chunk`. */
  protected chunkOffset = 0;

  /** The name of the tag being read, without `<`, `/` or attributes. */
  protected name = '';
  /** Where the `<` of the latest tag or other markup stands. */
  protected tagStart: TextPoint = { line: 1, column: 1 };
  /** The input offset of that `<`. */
  protected tagOffset = 0;
  /** The text of the latest start tag from its `<`, as far as it lay in earlier chunks. */
  protected tagCarry = '';

  private lex: Lex = 'text';
  private line = 1;
  private lineStart = 0;
  private nextLf = 0;

  private markup = '';
  private quote = 0;
  private runLength = 0;
  private bracketDepth = 0;

  /** Character data outside markup, from index `from` to just before `to`. */
  protected abstract onText(from: number, to: number): void;
  /** A start tag whose name has just been read; its attributes follow. */
  protected abstract onStartTagName(): void;
  /** The `>` (or `/>`) that ends a start tag; `end` is the index just after it. */
  protected abstract onStartTagEnd(selfClosing: boolean, end: number): void;
  /** An end tag, complete; `end` is the index just after its `>`. */
  protected abstract onEndTag(end: number): void;
  /** Markup that only belongs inside an element: a CDATA section or a `<` starting no tag. */
  protected abstract onLooseMarkup(what: string): void;

  /** Whether the input so far ends inside markup rather than in character data. */
  protected get inMarkup(): boolean {
    return this.lex !== 'text';
  }

  /** Scans `text`, the next chunk of input, calling the hooks for what it holds. */
  protected scan(text: string): void {
    this.lineStart -= this.chunk.length;
    this.chunkOffset += this.chunk.length;
    this.chunk = text;
    this.nextLf = lineFeedFrom(text, 0);

    let i = 0;
    while (i < text.length) i = this.step(i);
    this.moveTo(text.length);

    const naming = this.lex === 'open' || this.lex === 'startName';
    if (naming && this.tagCarry.length <= MAX_NAME_CHARS) {
      this.tagCarry += text.slice(Math.max(0, this.tagOffset - this.chunkOffset));
    }
  }

  /** The line and column of index `i` of the chunk; `i` never goes backwards. */
  protected pointAt(i: number): TextPoint {
    this.moveTo(i);
    return { line: this.line, column: i - this.lineStart + 1 };
  }

  /** Counts the line feeds before index `to` of the chunk that were not counted yet. */
  private moveTo(to: number): void {
    while (this.nextLf < to) {
      this.line++;
      this.lineStart = this.nextLf + 1;
      this.nextLf = lineFeedFrom(this.chunk, this.nextLf + 1);
    }
  }

  /** Consumes characters from index `i` in the current state; returns the next index. */
  private step(i: number): number {
    switch (this.lex) {
      case 'text':
        return this.scanText(i);
      case 'open':
        return this.scanOpen(i);
      case 'startName':
      case 'endName':
        return this.scanName(i);
      case 'inTag':
        return this.scanInTag(i);
      case 'attrValue':
        return this.scanAttrValue(i);
      case 'slash':
        return this.scanSlash(i);
      case 'endTag':
        return this.scanEndTag(i);
      case 'bang':
        return this.scanBang(i);
      case 'comment':
        return this.scanTerminated(i, DASH);
      case 'cdata':
        return this.scanTerminated(i, CLOSE_BRACKET);
      case 'pi':
        return this.scanPi(i);
      case 'decl':
        return this.scanDecl(i);
      default:
        return assertNever(this.lex, 'XML scanner state');
    }
  }

  private scanText(i: number): number {
    const text = this.chunk;
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? text.length : lt;

    if (end > i) this.onText(i, end);
    if (lt < 0) return end;

    this.tagStart = this.pointAt(lt);
    this.tagOffset = this.chunkOffset + lt;
    this.tagCarry = '';
    this.lex = 'open';
    return lt + 1;
  }

  private scanOpen(i: number): number {
    const c = this.chunk.charCodeAt(i);
    this.name = '';
    this.markup = '';
    this.runLength = 0;

    if (c === BANG || c === QUESTION || c === SLASH) {
      this.lex = c === BANG ? 'bang' : c === QUESTION ? 'pi' : 'endName';
      return i + 1;
    }
    if (isNameStartChar(c)) {
      this.lex = 'startName';
      return i;
    }

    this.lex = 'text';
    this.onLooseMarkup('a "<" that does not start a tag');
    return i;
  }

  private scanName(i: number): number {
    const text = this.chunk;
    let j = i;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;

    if (this.name.length < MAX_NAME_CHARS) this.name += text.slice(i, j);
    if (j === text.length) return j;

    if (this.lex === 'startName') {
      this.lex = 'inTag';
      this.onStartTagName();
    } else {
      this.lex = 'endTag';
    }
    return j;
  }

  private scanInTag(i: number): number {
    const text = this.chunk;

    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE || c === APOSTROPHE) {
        this.quote = c;
        this.lex = 'attrValue';
        return j + 1;
      }
      if (c === SLASH) {
        this.lex = 'slash';
        return j + 1;
      }
      if (c === GT) {
        this.lex = 'text';
        this.onStartTagEnd(false, j + 1);
        return j + 1;
      }
    }
    return text.length;
  }

  private scanAttrValue(i: number): number {
    const close = this.chunk.indexOf(this.quote === QUOTE ? '"' : "'", i);
    if (close < 0) return this.chunk.length;

    this.lex = 'inTag';
    return close + 1;
  }

  private scanSlash(i: number): number {
    this.lex = 'inTag';
    if (this.chunk.charCodeAt(i) !== GT) return i;

    this.lex = 'text';
    this.onStartTagEnd(true, i + 1);
    return i + 1;
  }

  private scanEndTag(i: number): number {
    const gt = this.chunk.indexOf('>', i);
    if (gt < 0) return this.chunk.length;

    this.lex = 'text';
    this.onEndTag(gt + 1);
    return gt + 1;
  }

  /** Reads past `<!` far enough to tell a comment, a CDATA section and a declaration apart. */
  private scanBang(i: number): number {
    const markup = this.markup + this.chunk[i];
    if (!COMMENT_OPEN.startsWith(markup) && !CDATA_OPEN.startsWith(markup)) {
      this.lex = 'decl';
      this.bracketDepth = 0;
      return i;
    }

    this.markup = markup;
    if (markup === COMMENT_OPEN) this.lex = 'comment';
    if (markup === CDATA_OPEN) this.lex = 'cdata';
    if (markup === CDATA_OPEN) this.onLooseMarkup('a CDATA section');
    return i + 1;
  }

  /** Skips to the `-->` or `]]>` that ends a comment or CDATA section (`mark` is `-` or `]`). */
  private scanTerminated(i: number, mark: number): number {
    const text = this.chunk;

    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === GT && this.runLength >= 2) {
        this.lex = 'text';
        return j + 1;
      }
      this.runLength = c === mark ? this.runLength + 1 : 0;
    }
    return text.length;
  }

  private scanPi(i: number): number {
    const text = this.chunk;

    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === GT && this.runLength > 0) {
        this.lex = 'text';
        return j + 1;
      }
      this.runLength = c === QUESTION ? 1 : 0;
    }
    return text.length;
  }

  private scanDecl(i: number): number {
    const text = this.chunk;

    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === OPEN_BRACKET) this.bracketDepth++;
      if (c === CLOSE_BRACKET) this.bracketDepth--;
      if (c === GT && this.bracketDepth <= 0) {
        this.lex = 'text';
        return j + 1;
      }
    }
    return text.length;
  }
}

/** The index of the first line feed at or after `from`, or the text's length when none. */
function lineFeedFrom(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

/** The part of a qualified name after its prefix: `Event` for `e:Event`. */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Whether `c` may start an XML name; every non-ASCII character is let through. */
function isNameStartChar(c: number): boolean {
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return letter || c === 0x5f || c === 0x3a || c > 0x7f;
}

/** Whether `c` may continue an XML name. */
function isNameChar(c: number): boolean {
  return isNameStartChar(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}
