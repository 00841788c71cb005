/**
 * One entry point for every archive kind: given an input the sniffer called an archive, list
 * its members. A gzip holding a tar is listed as one archive (`logs.tar.gz!member`); a gzip
 * holding anything else has one member named after it without the `.gz`.
 */
import { assertNever, InternalError } from '../../errors.js';
import type { InputSource } from '../reader.js';
import { sniffFormat, type ArchiveKind } from '../sniff.js';
import { localPath, readHead, type ArchiveEvent } from './byte-streams.js';
import { gunzip, type EarlyEnd } from './gzip.js';
import { walkTar } from './tar.js';
import { walkZip } from './zip.js';

export type { ArchiveEvent } from './byte-streams.js';

/**
 * Lists the members of `archive`, each with its first bytes for sniffing. Problems come as
 * events; the listing itself does not throw for bad input.
 *
 * @example
 * for await (const event of listMembers(source, 'zip')) {
 *   if (event.kind === 'member') console.log(event.source.name); // logs.zip!day1.json
 * }
 */
export async function* listMembers(
  archive: InputSource,
  kind: ArchiveKind,
): AsyncGenerator<ArchiveEvent> {
  try {
    yield* walk(archive, kind);
  } catch (error) {
    if (error instanceof InternalError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    yield { kind: 'problem', name: archive.name, message, severity: 'error' };
  }
}

async function* walk(archive: InputSource, kind: ArchiveKind): AsyncGenerator<ArchiveEvent> {
  switch (kind) {
    case 'zip':
      yield* walkZip(await localPath(archive), archive.name);
      return;
    case 'tar':
      yield* walkTar({ name: archive.name, open: () => archive.open() });
      return;
    case 'gzip':
      yield* expandGzip(archive);
      return;
    default:
      assertNever(kind, 'archive kind');
  }
}

async function* expandGzip(archive: InputSource): AsyncGenerator<ArchiveEvent> {
  const quietly = (_end: EarlyEnd) => undefined;
  const head = await readHead(gunzip(archive.open(), archive.name, quietly));
  const sniffed = sniffFormat(head, archive.name);

  if (sniffed.kind === 'archive' && sniffed.archive === 'tar') {
    const open = (onEarlyEnd = quietly) => gunzip(archive.open(), archive.name, onEarlyEnd);
    yield* walkTar({ name: archive.name, open });
    return;
  }

  const source: InputSource = {
    name: `${archive.name}!${innerName(archive.name)}`,
    open: () => gunzip(archive.open(), archive.name),
  };
  yield { kind: 'member', source, head };
}

/** `events.json.gz` holds `events.json`; `logs.tgz` holds `logs.tar`. */
function innerName(name: string): string {
  const base = name.split(/[!/\\]/).pop() ?? name;
  if (/\.tgz$/i.test(base)) return base.replace(/\.tgz$/i, '.tar');
  return base.replace(/\.gz$/i, '') || base;
}
