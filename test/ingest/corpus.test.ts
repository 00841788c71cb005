import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { listInputs } from '../../src/ingest/sources.js';
import { duplicateEvents, storedEvents } from '../../src/ingest/summary.js';
import { NO_SHARED, rows, SHARED, withTempDir } from '../support/store.js';

const DATASETS = join(SHARED, 'corpus', 'security-datasets');

/** Lines and distinct lines of every JSON input under `root`, read independently of ingest. */
async function countLines(root: string): Promise<{ lines: number; distinct: number }> {
  let lines = 0;
  let distinct = 0;
  for await (const entry of listInputs([root])) {
    if (entry.kind !== 'input') continue;
    const seen = new Set<string>();
    let text = '';
    for await (const chunk of entry.source.open()) text += (chunk as Buffer).toString('utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      lines++;
      seen.add(createHash('sha1').update(line).digest('hex'));
    }
    distinct += seen.size;
  }
  return { lines, distinct };
}

test(
  'every Security-Datasets archive ingests with no error, one row per distinct event',
  { skip: NO_SHARED, timeout: 600_000 },
  async () => {
    const expected = await countLines(DATASETS);
    await withTempDir(async (dir) => {
      const store = join(dir, 'q.duckdb');
      const summary = await ingestPaths([DATASETS], {
        store,
        inputTz: 'UTC',
        inputTzExplicit: false,
        command: 'test',
      });

      assert.deepEqual(summary.bad, []);
      assert.deepEqual(
        summary.notices.filter((n) => n.severity === 'error'),
        [],
      );
      assert.equal(storedEvents(summary), expected.distinct);
      assert.equal(duplicateEvents(summary), expected.lines - expected.distinct);
      assert.ok(
        summary.notices.some((n) => n.severity === 'warning' && /ends early/.test(n.message)),
      );

      const archiveOf = `regexp_extract(_Source, '([^/!]+)!', 1)`;
      const formats = await rows(
        store,
        `SELECT ${archiveOf} AS archive, list(DISTINCT _Format ORDER BY _Format)
         FROM events WHERE _Source LIKE '%compound%' GROUP BY archive ORDER BY archive`,
      );
      const byArchive = Object.fromEntries(formats.map(([a, f]) => [a, f]));
      assert.deepEqual(byArchive['Microsoft365DefenderEvents.Zip'], ['defender']);
      assert.deepEqual(byArchive['WindowsEvents.Zip'], [
        'flat',
        'sentinel-event',
        'sentinel-securityevent',
      ]);
      assert.deepEqual(
        byArchive['securityauditing_log4shell_cve2021_44228_java_serialized_object.zip'],
        ['sentinel-securityevent'],
      );
      assert.deepEqual(byArchive['sysmon_log4shell_cve2021_44228_java_serialized_object.zip'], [
        'sentinel-windowsevent',
      ]);
    });
  },
);
