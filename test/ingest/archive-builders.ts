/**
 * Builds small archives in memory for the ingest tests: zips (stored or deflated), tars and
 * gzip streams, so no binary archive has to live in the repository.
 */
import { deflateRawSync, gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** One file to put in an archive; a name ending in `/` is a folder. */
export interface ArchiveFile {
  readonly name: string;
  readonly data?: Buffer | string;
}

/** A zip of `files`, deflated unless `stored`, with a central directory and end record. */
export function zipOf(files: readonly ArchiveFile[], options: { stored?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const file of files) {
    const data = toBuffer(file.data);
    const method = options.stored || data.length === 0 ? 0 : 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(file.name, 'utf8');
    const fields = { crc: crc32(data), method, compressed: body.length, size: data.length };

    const local = header(0x04034b50, 30, name, fields);
    locals.push(local, body);
    centrals.push(centralHeader(name, fields, offset));
    offset += local.length + body.length;
  }

  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A tar of `files` (ustar headers, end blocks included). */
export async function tarOf(files: readonly ArchiveFile[]): Promise<Buffer> {
  const packer = pack();
  for (const file of files) {
    if (file.name.endsWith('/')) packer.entry({ name: file.name, type: 'directory' });
    else packer.entry({ name: file.name }, toBuffer(file.data));
  }
  packer.finalize();

  const chunks: Buffer[] = [];
  for await (const chunk of packer) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Gzip-compresses `data`. */
export function gzipOf(data: Buffer | string): Buffer {
  return gzipSync(toBuffer(data));
}

/** A gzip stream without its 8-byte trailer: everything decompresses, the end marker is gone. */
export function withoutTrailer(gzip: Buffer): Buffer {
  return gzip.subarray(0, gzip.length - 8);
}

interface EntryFields {
  readonly crc: number;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
}

function header(signature: number, size: number, name: Buffer, fields: EntryFields): Buffer {
  const out = Buffer.alloc(size);
  out.writeUInt32LE(signature, 0);
  out.writeUInt16LE(20, 4);
  out.writeUInt16LE(0x0800, 6);
  out.writeUInt16LE(fields.method, 8);
  out.writeUInt32LE(fields.crc, 14);
  out.writeUInt32LE(fields.compressed, 18);
  out.writeUInt32LE(fields.size, 22);
  out.writeUInt16LE(name.length, 26);
  return Buffer.concat([out, name]);
}

function centralHeader(name: Buffer, fields: EntryFields, offset: number): Buffer {
  const out = Buffer.alloc(46);
  out.writeUInt32LE(0x02014b50, 0);
  out.writeUInt16LE(20, 4);
  out.writeUInt16LE(20, 6);
  out.writeUInt16LE(0x0800, 8);
  out.writeUInt16LE(fields.method, 10);
  out.writeUInt32LE(fields.crc, 16);
  out.writeUInt32LE(fields.compressed, 20);
  out.writeUInt32LE(fields.size, 24);
  out.writeUInt16LE(name.length, 28);
  out.writeUInt32LE(offset, 42);
  return Buffer.concat([out, name]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function toBuffer(data: Buffer | string | undefined): Buffer {
  return typeof data === 'string' ? Buffer.from(data) : (data ?? Buffer.alloc(0));
}
