/**
 * Staging files: records decoded in JavaScript (XML, CSV, `.evtx`, split JSON) are written as
 * JSON lines for the engine to load with the same statement as a JSON export. Each line
 * remembers where in its input it came from, so a row the engine rejects is reported there.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FieldValue, WindowsEventRecord } from './record.js';

/** A staging file being written. */
export class StagingFile {
  private readonly out: WriteStream;
  private readonly positions: string[] = [];
  private pending: string[] = [];
  private pendingBytes = 0;
  private readonly topKeys = new Set<string>();
  private keysKnown = true;

  private constructor(readonly path: string) {
    this.out = createWriteStream(path);
  }

  /** Opens a new staging file in `dir`. */
  static create(dir: string, name: string): StagingFile {
    return new StagingFile(join(dir, `${name}.ndjson`));
  }

  /** How many lines were written. */
  get count(): number {
    return this.positions.length;
  }

  /** The top-level keys of every line, when every line was added as a record. */
  get keys(): readonly string[] | undefined {
    return this.keysKnown ? [...this.topKeys].sort() : undefined;
  }

  /** Adds a Windows event decoded by one of Quarry's readers. */
  addEvent(position: string, event: WindowsEventRecord): Promise<void> {
    this.topKeys.add('QuarryEvent');
    return this.write(position, JSON.stringify({ QuarryEvent: event }));
  }

  /** Adds a flat row, mapped like a JSON export's row. */
  addRow(position: string, row: Record<string, FieldValue>): Promise<void> {
    for (const key of Object.keys(row)) this.topKeys.add(key);
    return this.write(position, JSON.stringify(row));
  }

  /** Adds one JSON value's text, which must hold no raw line breaks. */
  addLine(position: string, text: string): Promise<void> {
    this.keysKnown = false;
    return this.write(position, text);
  }

  private write(position: string, text: string): Promise<void> {
    this.positions.push(position);
    this.pending.push(text);
    this.pendingBytes += text.length;
    return this.pendingBytes > 1 << 20 ? this.flush() : Promise.resolve();
  }

  /** Where the `ordinal`th line (from 1) came from. */
  positionOf(ordinal: number): string {
    return this.positions[ordinal - 1] ?? `row ${ordinal}`;
  }

  /** Finishes writing. */
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(resolve);
    });
  }

  /** Removes the file. */
  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('\n') + '\n';
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.out.write(chunk)) {
      await new Promise<void>((resolve) => this.out.once('drain', resolve));
    }
  }
}
