import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { InputSource } from '../../src/ingest/reader.js';
import { digestFile, listInputs, materialize, type InputEntry } from '../../src/ingest/sources.js';
import { gzipOf, tarOf, withoutTrailer, zipOf } from './archive-builders.js';

const EVENTS = '{"EventID":4688,"Computer":"WS01"}\n{"EventID":4624,"Computer":"WS02"}\n';
const MORE = '{"EventID":4672,"Computer":"DC01"}\n';

let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quarry-archives-test-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, data: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

async function list(path: string): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for await (const entry of listInputs([path])) entries.push(entry);
  return entries;
}

async function bytesOf(source: InputSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.open()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function inputs(entries: InputEntry[]) {
  return entries.flatMap((e) => (e.kind === 'input' ? [e] : []));
}

function summary(entries: InputEntry[]) {
  return entries.map((e) => {
    const name = e.kind === 'input' ? e.source.name : e.name;
    const what = e.kind === 'input' ? e.format : e.kind === 'ignored' ? 'ignored' : e.severity;
    return `${name.slice(dir.length + 1)} ${what}`;
  });
}

describe('archives', () => {
  it('lists the NDJSON members of a tar.gz, each opening as often as needed', async () => {
    const tar = await tarOf([
      { name: 'logs/' },
      { name: './logs/day1.ndjson', data: EVENTS },
      { name: 'logs/day2.json', data: MORE },
    ]);
    const entries = await list(await write('bundle.tar.gz', gzipOf(tar)));

    assert.deepEqual(summary(entries), [
      'bundle.tar.gz!logs/day1.ndjson ndjson',
      'bundle.tar.gz!logs/day2.json ndjson',
    ]);
    const [day1, day2] = inputs(entries);
    assert.equal(day1?.container, join(dir, 'bundle.tar.gz'));
    assert.equal(day1?.source.size, Buffer.byteLength(EVENTS));
    assert.equal((await bytesOf(day1!.source)).toString(), EVENTS);
    assert.equal((await bytesOf(day1!.source)).toString(), EVENTS);
    assert.equal((await bytesOf(day2!.source)).toString(), MORE);
  });

  it('expands a zip inside a zip, leaving folders out and knowing member sizes', async () => {
    const inner = zipOf([{ name: 'host/security.json', data: EVENTS }]);
    const outer = zipOf([
      { name: 'exports/' },
      { name: 'exports/inner.zip', data: inner },
      { name: 'exports/notes.csv', data: 'Host,Owner\nWS01,alice\n' },
    ]);
    const entries = await list(await write('outer.Zip', outer));

    assert.deepEqual(summary(entries), [
      'outer.Zip!exports/inner.zip!host/security.json ndjson',
      'outer.Zip!exports/notes.csv csv',
    ]);
    const nested = inputs(entries)[0]!;
    assert.equal(nested.container, `${join(dir, 'outer.Zip')}!exports/inner.zip`);
    assert.equal(nested.source.size, Buffer.byteLength(EVENTS));
    assert.equal((await bytesOf(nested.source)).toString(), EVENTS);
    assert.equal((await bytesOf(nested.source)).toString(), EVENTS);
  });

  it('yields the whole member of a gzip stream cut before its trailer, and a warning', async () => {
    const tar = await tarOf([{ name: 'events.json', data: EVENTS }]);
    const entries = await list(await write('cut.tar.gz', withoutTrailer(gzipOf(tar))));

    assert.deepEqual(summary(entries), ['cut.tar.gz!events.json ndjson', 'cut.tar.gz warning']);
    const warning = entries[1];
    assert.match(
      warning?.kind === 'problem' ? warning.message : '',
      /ends early: .* before its trailer; .* every member in it is complete$/,
    );
    assert.equal((await bytesOf(inputs(entries)[0]!.source)).toString(), EVENTS);
  });

  it('reports a member cut short as an error naming it and the byte it stops at', async () => {
    const tar = await tarOf([
      { name: 'whole.json', data: MORE },
      { name: 'cut.json', data: EVENTS },
    ]);
    const cutAt = 512 * 3 + 20;
    const entries = await list(await write('short.tar.gz', gzipOf(tar.subarray(0, cutAt))));

    assert.deepEqual(summary(entries), [
      'short.tar.gz!whole.json ndjson',
      'short.tar.gz!cut.json error',
    ]);
    const problem = entries[1];
    assert.equal(
      problem?.kind === 'problem' ? problem.message : '',
      `${join(dir, 'short.tar.gz')}!cut.json@20: the content stops at byte 20 of ` +
        `${Buffer.byteLength(EVENTS)}: the archive is cut short`,
    );

    const big = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));
    const gzip = gzipOf(await tarOf([{ name: 'big.bin', data: big }]));
    const halved = await list(await write('halved.tar.gz', gzip.subarray(0, gzip.length / 2)));
    assert.deepEqual(summary(halved), ['halved.tar.gz!big.bin error']);
    assert.match(
      halved[0]?.kind === 'problem' ? halved[0].message : '',
      /stops at byte \d+ of 200000/,
    );
  });

  it('names the member of a plain gzip after it, and fails reading one that is cut', async () => {
    const whole = await list(await write('security.json.gz', gzipOf(EVENTS)));
    assert.deepEqual(summary(whole), ['security.json.gz!security.json ndjson']);
    assert.equal((await bytesOf(inputs(whole)[0]!.source)).toString(), EVENTS);

    const cut = await list(await write('cut.json.gz', withoutTrailer(gzipOf(EVENTS))));
    await assert.rejects(
      bytesOf(inputs(cut)[0]!.source),
      /cut\.json\.gz@\d+: the gzip stream ends early/,
    );
  });

  it('opens a zip with stray bytes after its end record', async () => {
    const zip = Buffer.concat([zipOf([{ name: 'a.json', data: EVENTS }]), Buffer.from('\n')]);
    const entries = await list(await write('trailing.zip', zip));

    assert.deepEqual(summary(entries), ['trailing.zip!a.json ndjson']);
    assert.equal((await bytesOf(inputs(entries)[0]!.source)).toString(), EVENTS);
  });

  it('reports a damaged zip as an error', async () => {
    const damaged = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 7)]);
    const entries = await list(await write('damaged.zip', damaged));

    assert.deepEqual(summary(entries), ['damaged.zip error']);
    assert.match(entries[0]?.kind === 'problem' ? entries[0].message : '', /not a readable zip/);
  });

  it('materializes a member as a file and hands a plain file over as it is', async () => {
    const zip = await write('m.zip', zipOf([{ name: 'deep/events.json', data: EVENTS }]));
    const member = inputs(await list(zip))[0]!.source;
    const copy = await materialize(member, join(dir, 'work'));
    assert.equal(await readFile(copy, 'utf8'), EVENTS);
    assert.match(copy, /events\.json$/);

    const plain = await write('plain.ndjson', EVENTS);
    const source = inputs(await list(plain))[0]!.source;
    assert.equal(await materialize(source, join(dir, 'work')), plain);
  });

  it('digests a file with SHA-256', async () => {
    const path = await write('digest.ndjson', EVENTS);
    const expected = createHash('sha256').update(EVENTS).digest('hex');
    assert.equal(await digestFile(path), expected);
  });
});
