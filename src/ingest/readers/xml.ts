/**
 * The reader for Windows events written as XML: a single `<Event>` document, Event Viewer's
 * "Save as XML" (`<Events>` around the events, usually UTF-16), and the root-less run of
 * events that `wevtutil qe <log> /f:xml` prints.
 *
 * The input streams through three stages, so memory holds one event whatever the file size:
 * bytes are decoded to text (`xml-decode`), the text is cut into events (`xml-split`), and
 * each event is parsed on its own (`xml-tree`) and mapped to a record (`xml-event`). A
 * malformed event or stray text becomes a `bad` item and reading goes on after it.
 */
import { assertNever, InputError, NotSupportedError } from '../../errors.js';
import type { InputSource, Reader } from '../reader.js';
import type { ReaderItem } from '../record.js';
import { decodeXmlText } from './xml-decode.js';
import { toEventRecord } from './xml-event.js';
import { EventSplitter, MAX_EVENT_CHARS, type TextPoint, type XmlPiece } from './xml-split.js';
import { parseSegment } from './xml-tree.js';

/**
 * Reads Windows event XML. Good events come as `{ kind: 'event', position: 'line N' }`, N being
 * the line of the event's `<Event`; problems come as `bad` items positioned at
 * `line L, column C`, where the problem is. Times are kept as written: `SystemTime` is UTC, so
 * the input time zone plays no part.
 *
 * @example
 * for await (const item of xmlReader.read(source, { inputTz: 'UTC' })) {
 *   if (item.kind === 'event') console.log(item.event.System.EventID);
 * }
 */
export const xmlReader: Reader = {
  format: 'xml',
  read: (source) => readXmlEvents(source),
};

async function* readXmlEvents(source: InputSource): AsyncGenerator<ReaderItem> {
  const splitter = new EventSplitter();

  try {
    for await (const text of decodeXmlText(source.open())) {
      for (const piece of splitter.push(text)) yield toItem(piece);
    }
  } catch (error) {
    if (!(error instanceof NotSupportedError)) throw readFailure(source, error);
    yield bad({ line: 1, column: 1 }, error.message);
    return;
  }

  for (const piece of splitter.end()) yield toItem(piece);
}

function toItem(piece: XmlPiece): ReaderItem {
  switch (piece.kind) {
    case 'segment':
      return eventItem(piece.text, piece.start);
    case 'oversized':
      return bad(
        piece.start,
        `skipped an event of ${piece.length} characters; events longer than ` +
          `${MAX_EVENT_CHARS} characters are not read`,
      );
    case 'stray':
      return bad(
        piece.at,
        `expected an <Event> element, found ${piece.found}; skipped to the next <Event>`,
      );
    default:
      return assertNever(piece, 'XML piece');
  }
}

function eventItem(text: string, start: TextPoint): ReaderItem {
  const parsed = parseSegment(text, start);
  if (parsed.kind === 'malformed') {
    const where = `line ${start.line}, column ${start.column}`;
    return bad(parsed.at, `malformed event (it starts at ${where}): ${parsed.message}`);
  }

  const mapped = toEventRecord(parsed.root);
  if (mapped.kind === 'invalid') return bad(mapped.at, mapped.message);
  return { kind: 'event', position: `line ${start.line}`, event: mapped.event };
}

function bad(at: TextPoint, message: string): ReaderItem {
  return { kind: 'bad', position: `line ${at.line}, column ${at.column}`, message };
}

function readFailure(source: InputSource, error: unknown): InputError {
  const reason = error instanceof Error ? error.message : String(error);
  const file = { file: source.name };
  return new InputError(`cannot read the XML input: ${reason}`, file, { cause: error });
}
