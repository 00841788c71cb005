import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ingestPaths, type IngestOptions } from '../../src/ingest/ingest.js';
import { duplicateEvents, somethingSkipped, storedEvents } from '../../src/ingest/summary.js';
import { fixture, rows, scalar, withTempDir } from '../support/store.js';
import { gzipOf, tarOf, zipOf } from './archive-builders.js';

const options = (store: string): IngestOptions => ({
  store,
  inputTz: 'UTC',
  inputTzExplicit: false,
  command: 'test',
});

describe('ingest', () => {
  test('the same events as XML and as JSON are stored once', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'q.duckdb');
      const first = await ingestPaths([fixture('ingest', 'same-events.xml')], options(store));
      assert.equal(storedEvents(first), 3);
      assert.equal(first.bad.length, 0);

      const second = await ingestPaths([fixture('ingest', 'same-events.ndjson')], options(store));
      assert.equal(storedEvents(second), 0);
      assert.equal(duplicateEvents(second), 3);
      assert.equal(await scalar(store, 'SELECT count(*) FROM events'), 3);
    });
  });

  test('a file ingested twice is recognised by its digest and adds nothing', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'q.duckdb');
      await ingestPaths([fixture('ingest', 'same-events.ndjson')], options(store));
      const again = await ingestPaths([fixture('ingest', 'same-events.ndjson')], options(store));
      assert.equal(storedEvents(again), 0);
      assert.match(again.inputs[0]?.skipped ?? '', /^already ingested/);
      assert.equal(somethingSkipped(again), false);
      assert.equal(await scalar(store, 'SELECT count(*) FROM events'), 3);
    });
  });

  const brokenLines =
    'a file with 3 broken lines among 1,000 stores 997 events and names the 3 lines';
  test(brokenLines, async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'broken.ndjson');
      const pad = (n: number) => String(n).padStart(2, '0');
      const lines = Array.from({ length: 1000 }, (_, i) =>
        JSON.stringify({
          TimeCreated: `2026-11-30T10:${pad(Math.floor(i / 60))}:${pad(i % 60)}Z`,
          Hostname: 'WS01.corp.example.com',
          Channel: 'Security',
          EventID: 4624,
          RecordNumber: 5000 + i,
          TargetUserName: `user${i}`,
        }),
      );
      lines[9] = '{"TimeCreated": "2026-11-30T10:00:09Z", "EventID": 4624,';
      lines[499] = 'this is not json';
      lines[997] = '{"Hostname": "WS01", "note": "no event id and no time"}';
      await writeFile(file, lines.join('\n') + '\n');

      const store = join(dir, 'q.duckdb');
      const summary = await ingestPaths([file], options(store));
      assert.equal(storedEvents(summary), 997);
      assert.deepEqual(
        summary.bad.map((b) => b.position),
        ['line 10', 'line 500', 'line 998'],
      );
      assert.match(summary.bad[0]!.message, /not valid JSON/);
      assert.match(summary.bad[2]!.message, /not a recognised event/);
      assert.equal(somethingSkipped(summary), true);
      assert.equal(await scalar(store, 'SELECT count(*) FROM events'), 997);
    });
  });

  const sentinelRows =
    'Sentinel rows become Windows events, and rows of other tables are kept under their name';
  test(sentinelRows, async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'q.duckdb');
      const summary = await ingestPaths(
        [fixture('ingest', 'sentinel-securityevent.ndjson')],
        options(store),
      );
      assert.equal(storedEvents(summary), 3);
      assert.deepEqual(Object.fromEntries(summary.tables), { SecurityEvent: 2, Syslog: 1 });
      const [row] = await rows(
        store,
        `SELECT Computer, EventID, CommandLine, SubjectUserName, Provider
         FROM events WHERE EventID = 4688`,
      );
      assert.deepEqual(row, [
        'WS03.corp.example.com',
        4688,
        'cmd.exe /c whoami /all',
        'jdoe',
        'Microsoft-Windows-Security-Auditing',
      ]);
      const failure = await scalar(
        store,
        `SELECT json_extract_string(EventData, '$.FailureReason') FROM events WHERE EventID = 4625`,
      );
      assert.equal(failure, '%%2313');
    });
  });

  test('Defender rows are kept whole in the table their action names', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'q.duckdb');
      const summary = await ingestPaths(
        [fixture('ingest', 'defender-process.ndjson')],
        options(store),
      );
      assert.deepEqual(Object.fromEntries(summary.tables), {
        DeviceFileEvents: 1,
        DeviceLogonEvents: 1,
        DeviceNetworkEvents: 1,
        DeviceProcessEvents: 1,
      });
      const time = await scalar(
        store,
        `SELECT strftime(TimeCreated, '%Y-%m-%dT%H:%M:%S.%n') FROM events ` +
          `WHERE _Table = 'DeviceProcessEvents'`,
      );
      assert.equal(time, '2026-11-30T14:02:11.123456700');
    });
  });

  test('Winlogbeat, evtx JSON dumps and CSV files map onto the same columns', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'q.duckdb');
      const summary = await ingestPaths(
        [
          fixture('ingest', 'winlogbeat.ndjson'),
          fixture('ingest', 'evtx-dump.json'),
          fixture('ingest', 'security-events.csv'),
        ],
        options(store),
      );
      assert.equal(summary.bad.length, 0, JSON.stringify(summary.bad));
      assert.equal(storedEvents(summary), 5);
      const image = 'coalesce(Image, NewProcessName, ImagePath)';
      const found = await rows(
        store,
        `SELECT _Format, Computer, EventID, Qualifiers, EventRecordID, ${image}
         FROM events ORDER BY TimeCreated`,
      );
      assert.deepEqual(found, [
        ['ecs', 'WS03.corp.example.com', 1, null, 7712n, 'C:\\Windows\\System32\\wbem\\WMIC.exe'],
        [
          'event-json',
          'SQL01.corp.example.com',
          1,
          null,
          9001n,
          'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
        ],
        [
          'event-json',
          'SQL01.corp.example.com',
          7045,
          16384,
          41n,
          'C:\\Windows\\System32\\payload.exe',
        ],
        ['flat', 'WS04.corp.example.com', 4688, null, 700n, 'C:\\Windows\\System32\\cmd.exe'],
        ['flat', 'WS04.corp.example.com', 4688, null, 701n, 'C:\\Windows\\System32\\notepad.exe'],
      ]);
      const csvLine = await scalar(
        store,
        `SELECT CommandLine FROM events WHERE EventRecordID = 700`,
      );
      assert.equal(csvLine, 'cmd.exe /c "echo hello, world"');
    });
  });

  test('timestamps without an offset are read in the input zone', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'q.duckdb');
      await ingestPaths([fixture('ingest', 'same-events.ndjson')], {
        ...options(store),
        inputTz: 'America/New_York',
        inputTzExplicit: true,
      });
      const time = await scalar(
        store,
        `SELECT strftime(TimeCreated, '%Y-%m-%dT%H:%M:%S') FROM events WHERE EventRecordID = 88121`,
      );
      assert.equal(time, '2026-11-30T19:02:11');
    });
  });

  const nxlogTimes =
    'NXLog local times are shifted by the offset the row reveals, unless a zone is named';
  test(nxlogTimes, async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'nxlog.ndjson');
      const row = {
        EventTime: '2020-09-14 08:06:02',
        EventReceivedTime: '2020-09-14 08:06:03',
        '@timestamp': '2020-09-14T12:06:03.591Z',
        Hostname: 'WORKSTATION5.theshire.local',
        Channel: 'Security',
        EventID: 4688,
        RecordNumber: 246831,
        NewProcessName: 'C:\\Windows\\System32\\wbem\\WMIC.exe',
      };
      await writeFile(file, JSON.stringify(row) + '\n');
      const inferred = join(dir, 'inferred.duckdb');
      await ingestPaths([file], options(inferred));
      const named = join(dir, 'named.duckdb');
      await ingestPaths([file], {
        ...options(named),
        inputTz: 'Asia/Tokyo',
        inputTzExplicit: true,
      });

      const sql = `SELECT strftime(TimeCreated, '%Y-%m-%dT%H:%M:%S') FROM events`;
      assert.equal(await scalar(inferred, sql), '2020-09-14T12:06:02');
      assert.equal(await scalar(named, sql), '2020-09-13T23:06:02');
    });
  });

  const keptLeftovers =
    'the leftovers keep every field without a column, and what the exporter added sits beside them';
  test(keptLeftovers, async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'q.duckdb');
      await ingestPaths([fixture('ingest', 'same-events.ndjson')], options(store));
      const data = await scalar(
        store,
        `SELECT EventData::VARCHAR FROM events WHERE EventRecordID = 88121`,
      );
      assert.deepEqual(JSON.parse(String(data)), {
        EventType: 'AUDIT_SUCCESS',
        TokenElevationType: '%%1938',
        MandatoryLabel: 'S-1-16-8192',
      });
      const extra = await scalar(
        store,
        `SELECT Extra::VARCHAR FROM events WHERE EventRecordID = 88121`,
      );
      assert.deepEqual(JSON.parse(String(extra)), {
        EventTime: '2026-11-30 14:02:11',
        SeverityValue: 2,
        Severity: 'INFO',
      });
    });
  });

  test('archives of every kind are read through, and a JSON array row by row', async () => {
    await withTempDir(async (dir) => {
      const xml = await readFile(fixture('ingest', 'same-events.xml'));
      const csv = await readFile(fixture('ingest', 'security-events.csv'));
      const winlogbeat = await readFile(fixture('ingest', 'winlogbeat.ndjson'));
      const defender = (await readFile(fixture('ingest', 'defender-process.ndjson'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown);
      await writeFile(join(dir, 'events.xml.gz'), gzipOf(xml));
      await writeFile(join(dir, 'bundle.zip'), zipOf([{ name: 'logs/security.csv', data: csv }]));
      await writeFile(
        join(dir, 'beats.tar.gz'),
        gzipOf(await tarOf([{ name: 'winlogbeat.ndjson', data: winlogbeat }])),
      );
      await writeFile(join(dir, 'defender.json'), JSON.stringify(defender, null, 2));

      const store = join(dir, 'q.duckdb');
      const summary = await ingestPaths([dir], options(store));
      assert.deepEqual(summary.bad, []);
      assert.equal(storedEvents(summary), 3 + 2 + 1 + 4);
      const sources = await rows(
        store,
        `SELECT replace(_Source, '${dir}/', ''), count(*) FROM events GROUP BY 1 ORDER BY 1`,
      );
      assert.deepEqual(sources, [
        ['beats.tar.gz!winlogbeat.ndjson', 1n],
        ['bundle.zip!logs/security.csv', 2n],
        ['defender.json', 4n],
        ['events.xml.gz!events.xml', 3n],
      ]);
    });
  });
});
