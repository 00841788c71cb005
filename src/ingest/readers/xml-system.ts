/**
 * Reads the `<System>` element of an event into `SystemFields`. Numbers become numbers; text
 * that identifies or times the event (GUIDs, keywords, `SystemTime`) is kept exactly as written.
 */
import type { SystemFields } from '../record.js';
import type { TextPoint } from './xml-split.js';
import type { XmlElement } from './xml-tree.js';

/** A value in `<System>` that cannot be what its element promises. */
export interface SystemProblem {
  readonly at: TextPoint;
  readonly message: string;
}

/** The outcome of reading `<System>`: its fields, and the first problem if there was one. */
export interface SystemReading {
  readonly fields: SystemFields;
  readonly problem?: SystemProblem;
}

type NumberKey = {
  [K in keyof SystemFields]-?: SystemFields[K] extends number | undefined ? K : never;
}[keyof SystemFields];

type TextKey = {
  [K in keyof SystemFields]-?: SystemFields[K] extends string | undefined ? K : never;
}[keyof SystemFields];

const WHOLE_NUMBER = /^(?:\d+|0[xX][0-9a-fA-F]+)$/;

/** Collects fields and remembers the first value that did not fit. */
class SystemBuilder {
  readonly fields: SystemFields = {};
  problem: SystemProblem | undefined;

  text(key: TextKey, value: string | undefined): void {
    if (value !== undefined && value !== '') this.fields[key] = value;
  }

  number(key: NumberKey, element: XmlElement, value: string | undefined, what: string): void {
    const written = value?.trim() ?? '';
    if (written === '') return;

    if (WHOLE_NUMBER.test(written)) this.fields[key] = Number(written);
    else this.fail(element, `expected a whole number in ${what}, found ${JSON.stringify(written)}`);
  }

  recordId(element: XmlElement): void {
    const written = element.text.trim();
    if (written === '') return;
    if (!/^\d+$/.test(written)) {
      this.fail(element, `expected a whole number in <EventRecordID>, found "${written}"`);
      return;
    }

    const value = Number(written);
    this.fields.EventRecordID = Number.isSafeInteger(value) ? value : written;
  }

  private fail(element: XmlElement, message: string): void {
    this.problem ??= { at: element.at, message };
  }
}

type ElementReader = (element: XmlElement, into: SystemBuilder) => void;

const textOf =
  (key: TextKey): ElementReader =>
  (e, into) =>
    into.text(key, e.text.trim());
const numberOf =
  (key: NumberKey): ElementReader =>
  (e, into) =>
    into.number(key, e, e.text, `<${key}>`);
const attribute = (e: XmlElement, name: string): string | undefined => e.attributes.get(name);

/** How each child of `<System>` is read; children not listed here are ignored. */
const SYSTEM_ELEMENTS: Readonly<Record<string, ElementReader>> = {
  Provider: (e, into) => {
    into.text('Provider', attribute(e, 'Name'));
    into.text('ProviderGuid', attribute(e, 'Guid'));
    into.text('EventSourceName', attribute(e, 'EventSourceName'));
  },
  EventID: (e, into) => {
    into.number('EventID', e, e.text, '<EventID>');
    into.number('Qualifiers', e, attribute(e, 'Qualifiers'), 'the Qualifiers of <EventID>');
  },
  Version: numberOf('Version'),
  Level: numberOf('Level'),
  Task: numberOf('Task'),
  Opcode: numberOf('Opcode'),
  Keywords: textOf('Keywords'),
  TimeCreated: (e, into) => into.text('TimeCreated', attribute(e, 'SystemTime')),
  EventRecordID: (e, into) => into.recordId(e),
  Correlation: (e, into) => {
    into.text('ActivityID', attribute(e, 'ActivityID'));
    into.text('RelatedActivityID', attribute(e, 'RelatedActivityID'));
  },
  Execution: (e, into) => {
    into.number('ProcessID', e, attribute(e, 'ProcessID'), 'the ProcessID of <Execution>');
    into.number('ThreadID', e, attribute(e, 'ThreadID'), 'the ThreadID of <Execution>');
  },
  Channel: textOf('Channel'),
  Computer: textOf('Computer'),
  Security: (e, into) => into.text('UserID', attribute(e, 'UserID')),
};

/**
 * Reads `<System>`. An element that is absent or empty leaves its field absent.
 *
 * @example
 * // <System><EventID Qualifiers="16384">7045</EventID>...</System>
 * // -> { fields: { EventID: 7045, Qualifiers: 16384, ... } }
 */
export function readSystem(system: XmlElement): SystemReading {
  const builder = new SystemBuilder();

  for (const element of system.children) {
    if (Object.hasOwn(SYSTEM_ELEMENTS, element.name)) {
      SYSTEM_ELEMENTS[element.name]!(element, builder);
    }
  }

  const { fields, problem } = builder;
  return problem === undefined ? { fields } : { fields, problem };
}
