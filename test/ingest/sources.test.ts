import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { listInputs, type InputEntry } from '../../src/ingest/sources.js';
import { gzipOf, tarOf, withoutTrailer, zipOf } from './archive-builders.js';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SECURITY_DATASETS = join(SHARED, 'corpus/security-datasets');
const TRUNCATED = 'atomic/windows/persistence/host/covenant_persistwmi.tar.gz';

const EVENTS = '{"EventID":4688}\n{"EventID":4624}\n';
const PCAP = Buffer.concat([Buffer.from([0xd4, 0xc3, 0xb2, 0xa1]), Buffer.alloc(40, 2)]);

async function list(paths: string[]): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for await (const entry of listInputs(paths)) entries.push(entry);
  return entries;
}

/** `name kind` lines, names relative to `root`. */
function summary(entries: InputEntry[], root: string): string[] {
  return entries.map((e) => {
    const name = e.kind === 'input' ? e.source.name : e.name;
    const what = e.kind === 'input' ? e.format : e.kind === 'ignored' ? 'ignored' : e.severity;
    return `${name.startsWith(root) ? name.slice(root.length + 1) : name} ${what}`;
  });
}

describe('listInputs on a folder tree', () => {
  let root: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'quarry-sources-test-'));
    await mkdir(join(root, 'b-logs/nested'), { recursive: true });
    await writeFile(join(root, '.hidden.json'), EVENTS);
    await writeFile(join(root, 'a.ndjson'), EVENTS);
    await writeFile(join(root, 'c-capture.pcap'), PCAP);
    await writeFile(join(root, 'b-logs/pretty.json'), '{\n  "EventID": 4688\n}\n');
    await writeFile(join(root, 'b-logs/nested/.secret.csv'), 'a,b\n1,2\n');
    const inner = zipOf([{ name: 'security.ndjson', data: EVENTS }]);
    await writeFile(
      join(root, 'b-logs/nested/bundle.zip'),
      zipOf([{ name: 'folder/' }, { name: 'folder/inner.zip', data: inner }]),
    );
    const tar = await tarOf([{ name: 'day1.json', data: EVENTS }]);
    await writeFile(join(root, 'b-logs/archive.tar.gz'), gzipOf(tar));
    await writeFile(join(root, 'b-logs/cut.tar.gz'), withoutTrailer(gzipOf(tar)));
    await symlink(root, join(root, 'b-logs/nested/loop'));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('walks folders in name order, expands archives and skips hidden entries', async () => {
    assert.deepEqual(summary(await list([root]), root), [
      'a.ndjson ndjson',
      'b-logs/archive.tar.gz!day1.json ndjson',
      'b-logs/cut.tar.gz!day1.json ndjson',
      'b-logs/cut.tar.gz warning',
      'b-logs/nested/bundle.zip!folder/inner.zip!security.ndjson ndjson',
      'b-logs/nested/loop ignored',
      'b-logs/pretty.json json',
      'c-capture.pcap ignored',
    ]);
  });

  it('says why a folder reached again through a symbolic link is not walked twice', async () => {
    const loop = (await list([root])).find((e) => e.kind === 'ignored' && e.name.endsWith('loop'));
    assert.deepEqual(loop, {
      kind: 'ignored',
      name: join(root, 'b-logs/nested/loop'),
      reason: `the same folder as ${root}, already listed`,
    });
  });

  it('lists a hidden file that is named directly', async () => {
    assert.deepEqual(summary(await list([join(root, '.hidden.json')]), root), [
      '.hidden.json ndjson',
    ]);
  });

  it('reports a missing path as an error and goes on with the others', async () => {
    const entries = await list([join(root, 'missing.json'), join(root, 'a.ndjson')]);
    assert.deepEqual(entries[0], {
      kind: 'problem',
      name: join(root, 'missing.json'),
      message: 'no such file or folder',
      severity: 'error',
    });
    assert.deepEqual(summary(entries.slice(1), root), ['a.ndjson ndjson']);
  });

  it('gives plain files their size and a source that opens more than once', async () => {
    const [entry] = await list([join(root, 'a.ndjson')]);
    assert.equal(entry?.kind, 'input');
    if (entry?.kind !== 'input') return;

    assert.equal(entry.source.size, Buffer.byteLength(EVENTS));
    assert.equal(entry.container, undefined);
    for (let i = 0; i < 2; i++) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry.source.open()) chunks.push(chunk as Buffer);
      assert.equal(Buffer.concat(chunks).toString(), EVENTS);
    }
  });
});

describe('listInputs on the Security-Datasets corpus', () => {
  const skip = existsSync(SECURITY_DATASETS)
    ? false
    : 'the shared corpus (../shared) is not present';

  it(
    'expands every archive into sniffed members, with one warning for the cut tar.gz',
    { skip },
    async () => {
      const entries = await list([SECURITY_DATASETS]);
      const archive = /\.(zip|Zip|tar\.gz)!/;
      const members = entries.filter((e) =>
        (e.kind === 'input' ? e.source.name : e.name).match(archive),
      );

      const jsonMembers = members.filter(
        (e) => e.kind === 'input' && e.source.name.endsWith('.json'),
      );
      assert.ok(jsonMembers.length >= 50, `only ${jsonMembers.length} JSON members`);
      for (const member of jsonMembers) {
        assert.equal(member.kind === 'input' && member.format, 'ndjson');
      }

      const ignored = members.filter((e) => e.kind === 'ignored');
      assert.deepEqual(
        ignored.map((e) => (e.kind === 'ignored' ? [e.name.split('.').pop(), e.reason] : [])),
        [
          ['pcapng', 'packet capture, not an event log'],
          ['pcap', 'packet capture, not an event log'],
        ],
      );

      const problems = entries.filter((e) => e.kind === 'problem');
      assert.deepEqual(
        problems.map((p) => [p.kind === 'problem' && p.severity, p.kind === 'problem' && p.name]),
        [['warning', join(SECURITY_DATASETS, 'datasets', TRUNCATED)]],
      );

      const onDisk = readdirSync(SECURITY_DATASETS, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(zip|Zip|tar\.gz)$/.test(name))
        .map((name) => join(SECURITY_DATASETS, name));
      assert.ok(onDisk.length >= 50, `only ${onDisk.length} archives found`);
      for (const path of onDisk) {
        const inside = members.filter((e) =>
          (e.kind === 'input' ? e.source.name : e.name).startsWith(`${path}!`),
        );
        assert.ok(inside.length > 0, `${path} lists no members`);
      }
    },
  );
});
