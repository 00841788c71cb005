/**
 * The one event record every reader produces. Readers that decode a format themselves (XML,
 * CSV, `.evtx`) emit these records; the loader writes them as JSON lines and the engine maps
 * them onto the stored layout with the same statement it uses for JSON exports.
 */

/** A field value: text as Windows renders it, a number, or an array for multivalue fields. */
export type FieldValue =
  | string
  | number
  | boolean
  | null
  | readonly FieldValue[]
  | { readonly [name: string]: FieldValue };

/** The `<System>` element of a Windows event, flattened. */
export interface SystemFields {
  Provider?: string;
  ProviderGuid?: string;
  EventSourceName?: string;
  EventID?: number;
  Qualifiers?: number;
  Version?: number;
  Level?: number;
  Task?: number;
  Opcode?: number;
  /** Hexadecimal, as Windows writes it: `0x8020000000000000`. */
  Keywords?: string;
  /** ISO 8601 with an explicit offset, up to 7 fraction digits; or local time without offset. */
  TimeCreated?: string;
  EventRecordID?: number | string;
  ActivityID?: string;
  RelatedActivityID?: string;
  ProcessID?: number;
  ThreadID?: number;
  Channel?: string;
  Computer?: string;
  UserID?: string;
}

/** A Windows event decoded by one of Quarry's own readers. */
export interface WindowsEventRecord {
  readonly System: SystemFields;
  /** `<EventData>` (or the children of `<UserData>`'s element), in document order. */
  readonly EventData: Record<string, FieldValue>;
  /** The rendered message, when the source carries one (`RenderingInfo`, exports). */
  readonly Message?: string;
  /** Everything else the source said about the event: rendering info, exporter fields. */
  readonly Extra?: Record<string, FieldValue>;
}

/** Where a record came from inside its input, for error reports: `line 12`, `record 3 @0x1200`. */
export type RecordPosition = string;

/**
 * What a reader yields: a decoded event, a flat row to be mapped like a JSON export, or a bad
 * record.
 */
export type ReaderItem =
  | {
      readonly kind: 'event';
      readonly position: RecordPosition;
      readonly event: WindowsEventRecord;
    }
  | {
      readonly kind: 'row';
      readonly position: RecordPosition;
      readonly row: Record<string, FieldValue>;
    }
  | { readonly kind: 'bad'; readonly position: RecordPosition; readonly message: string };
