/**
 * Maps the element tree of one `<Event>` onto Quarry's `WindowsEventRecord`: `<System>` into
 * typed system fields; `<EventData>`, `<UserData>` and processing-error data into fields in
 * document order; `<RenderingInfo>` into the message and rendering details.
 */
import type { FieldValue, WindowsEventRecord } from '../record.js';
import { addChildren, childNamed, elementValue, FieldBag } from './xml-fields.js';
import type { TextPoint } from './xml-split.js';
import { readSystem } from './xml-system.js';
import type { XmlElement } from './xml-tree.js';

/** The namespace Windows writes on `<Event>`; an event may also carry no namespace at all. */
export const EVENT_NAMESPACE = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** The outcome of mapping one event: a record, or why the element is not a usable event. */
export type EventMapping =
  | { readonly kind: 'event'; readonly event: WindowsEventRecord }
  | { readonly kind: 'invalid'; readonly at: TextPoint; readonly message: string };

/** The texts of `<RenderingInfo>` copied to `Extra.RenderingInfo`, in this order. */
const RENDERED_TEXTS = ['Level', 'Task', 'Opcode', 'Channel', 'Provider'] as const;

/** Where the parts of an event go while it is being read. */
interface EventParts {
  readonly fields: FieldBag;
  readonly extra: FieldBag;
  message?: string;
}

/**
 * Maps an `<Event>` element to a record.
 *
 * @example
 * // <Event><System><EventID>4688</EventID></System>
 * //   <EventData><Data Name="NewProcessName">C:\x.exe</Data></EventData></Event>
 * // -> { kind: 'event', event: { System: { EventID: 4688 },
 * //                              EventData: { NewProcessName: 'C:\x.exe' } } }
 */
export function toEventRecord(root: XmlElement): EventMapping {
  const rootProblem = checkRoot(root);
  if (rootProblem !== undefined) return { kind: 'invalid', at: root.at, message: rootProblem };

  const system = childNamed(root, 'System');
  if (system === undefined) {
    return { kind: 'invalid', at: root.at, message: 'expected a <System> element in <Event>' };
  }

  const { fields: System, problem } = readSystem(system);
  if (problem !== undefined) return { kind: 'invalid', ...problem };

  const parts: EventParts = { fields: new FieldBag(), extra: new FieldBag() };
  for (const element of root.children) {
    if (element !== system) readPart(element, parts);
  }

  return { kind: 'event', event: assemble(System, parts) };
}

function checkRoot(root: XmlElement): string | undefined {
  if (root.name !== 'Event') return `expected an <Event> element, found <${root.name}>`;
  if (root.namespace === '' || root.namespace === EVENT_NAMESPACE) return undefined;
  const found = JSON.stringify(root.namespace);
  return `expected <Event> in the namespace ${EVENT_NAMESPACE} or in none, found ${found}`;
}

function assemble(System: WindowsEventRecord['System'], parts: EventParts): WindowsEventRecord {
  const record: { -readonly [K in keyof WindowsEventRecord]: WindowsEventRecord[K] } = {
    System,
    EventData: parts.fields.toObject(),
  };

  if (parts.message !== undefined) record.Message = parts.message;
  if (parts.extra.size > 0) record.Extra = parts.extra.toObject();
  return record;
}

/** Reads one child of `<Event>` other than `<System>`. */
function readPart(element: XmlElement, parts: EventParts): void {
  switch (element.name) {
    case 'EventData':
      readEventData(element, parts.fields);
      break;
    case 'UserData':
      readUserData(element, parts);
      break;
    case 'ProcessingErrorData':
    case 'DebugData':
      addChildren(parts.fields, element);
      break;
    case 'RenderingInfo':
      readRenderingInfo(element, parts);
      break;
    default:
      parts.extra.add(element.name, elementValue(element));
  }
}

/** `<Data Name="X">` becomes `X`, unnamed `<Data>` becomes `Data`, `<Binary>` becomes `Binary`. */
function readEventData(eventData: XmlElement, fields: FieldBag): void {
  for (const item of eventData.children) {
    if (item.name === 'Data') {
      fields.add(item.attributes.get('Name') || 'Data', dataValue(item));
    } else if (item.name === 'Binary') {
      fields.add('Binary', item.text);
    } else {
      fields.add(item.name, elementValue(item));
    }
  }
}

/** A `<Data>` element's text; in the rare case it holds elements, an object of them. */
function dataValue(data: XmlElement): FieldValue {
  if (data.children.length === 0) return data.text;

  const bag = new FieldBag();
  addChildren(bag, data);
  return bag.toObject();
}

/**
 * `<UserData>` wraps one element named by the provider (`LogFileCleared`, `EventXML`...): its
 * attributes and children become fields and its name goes to `Extra.UserDataElement`.
 */
function readUserData(userData: XmlElement, parts: EventParts): void {
  for (const element of userData.children) {
    parts.extra.add('UserDataElement', element.name);
    for (const [name, value] of element.attributes) parts.fields.add(name, value);
    addChildren(parts.fields, element);
  }
}

/** The message goes to `Message`; the rendered names of levels, tasks and the like to `Extra`. */
function readRenderingInfo(info: XmlElement, parts: EventParts): void {
  const rendered: Record<string, FieldValue> = {};
  const culture = info.attributes.get('Culture');
  if (culture !== undefined) rendered.Culture = culture;

  for (const name of RENDERED_TEXTS) {
    const element = childNamed(info, name);
    if (element !== undefined) rendered[name] = element.text;
  }

  const keywords = childNamed(info, 'Keywords');
  if (keywords !== undefined) {
    rendered.Keywords = keywords.children.filter((k) => k.name === 'Keyword').map((k) => k.text);
  }

  const message = childNamed(info, 'Message');
  if (message !== undefined) parts.message = message.text;
  parts.extra.add('RenderingInfo', rendered);
}
