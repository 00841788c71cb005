import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { viewDefinitions } from '../../src/schema/views/catalog.js';
import { catalogColumns } from '../../src/schema/views/compile-view.js';
import { DEFAULT_VIEW_CONFIG, type ViewDefinition } from '../../src/schema/views/types.js';

const SCHEMAS = fileURLToPath(new URL('../../../shared/schemas/', import.meta.url));
const skip = existsSync(SCHEMAS)
  ? false
  : 'the shared vendor schemas (../shared/schemas) are absent';

const VIEWS = viewDefinitions(DEFAULT_VIEW_CONFIG, []);

function view(name: string): ViewDefinition {
  const found = VIEWS.find((v) => v.name === name);
  assert.ok(found, `no view ${name}`);
  return found;
}

function schema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;
}

/** `Name type` for each vendor column; `boolean` is Kusto's other name for `bool`. */
function vendorColumns(file: string): string[] {
  const columns = schema(file).columns as { name: string; type: string }[];
  return columns.map((c) => `${c.name} ${c.type === 'boolean' ? 'bool' : c.type}`);
}

/** `Name type` for each view column, without the columns Quarry adds to the vendor's. */
function viewColumns(name: string, added: readonly string[]): string[] {
  return view(name)
    .columns.filter((c) => !added.includes(c.name))
    .map((c) => `${c.name} ${c.type}`);
}

describe('vendor columns of the Sentinel and Defender views', { skip }, () => {
  it('gives SecurityEvent all 228 documented columns, in order, with their types', () => {
    const expected = vendorColumns('SecurityEvent.json');
    assert.equal(expected.length, 228);
    assert.deepEqual(viewColumns('SecurityEvent', ['_ItemId']), expected);
  });

  for (const table of [
    'DeviceProcessEvents',
    'DeviceNetworkEvents',
    'DeviceLogonEvents',
    'DeviceFileEvents',
  ]) {
    it(`gives ${table} Defender's columns in order with their types`, () => {
      const added = ['TimeGenerated', '_ItemId'];
      assert.deepEqual(viewColumns(table, added), vendorColumns(`${table}.json`));
      assert.deepEqual(
        view(table)
          .columns.slice(-2)
          .map((c) => c.name),
        added,
      );
    });
  }
});

describe('columns every view has', () => {
  it('ends every Sentinel and Defender view with its row id and gives it TimeGenerated', () => {
    for (const v of VIEWS.filter((x) => x.schema === 'main')) {
      assert.equal(v.columns.at(-1)?.name, '_ItemId', v.name);
      assert.ok(
        v.columns.some((c) => c.name === 'TimeGenerated' && c.type === 'datetime'),
        v.name,
      );
    }
  });

  it('gives every Splunk index _time, _raw and the row id', () => {
    for (const v of VIEWS.filter((x) => x.schema === 'splunk')) {
      const names = v.columns.map((c) => c.name);
      for (const name of ['_time', '_raw', 'host', 'source', 'sourcetype', 'index', '_ItemId']) {
        assert.ok(names.includes(name), `${v.name} lacks ${name}`);
      }
    }
  });
});

/** Splunk fields the add-ons compute that Quarry does not: time parts, tags, indexer internals. */
const NOT_PRODUCED = new Set([
  'Error_Code',
  'app',
  'os',
  'process_command_line_arguments',
  'process_command_line_process',
  'punct',
  'splunk_server',
  'status',
  'subject',
  'ta_windows_action',
  'tag',
  'timeendpos',
  'timestartpos',
  'user_group',
]);

const produced = (name: string) =>
  !NOT_PRODUCED.has(name) && !name.startsWith('date_') && !name.startsWith('tag::');

describe('Splunk field names of the windows index', { skip }, () => {
  const ta = () => schema('splunk-windows-ta.json') as Record<string, any>;
  const fields = new Set(view('windows').columns.map((c) => c.name));

  it('has every field the seed search uses, from both renderings', () => {
    const seed = Object.keys(ta().seed_query.fields);
    assert.deepEqual(
      seed.filter((f) => !fields.has(f)),
      [],
    );
  });

  it('has the classic header and 4688 message fields', () => {
    const classic = ta().sourcetypes.WinEventLog;
    const names = [
      ...classic.header_fields.from_TA_references,
      ...classic.header_fields.also_seen_in_a_third_party_sample,
      ...Object.keys(classic.event_4688_body_fields),
    ];
    assert.deepEqual(
      names.filter((f: string) => !fields.has(f)),
      [],
    );
  });

  it('has the fields the add-ons extract from XML events, but for time parts and tags', () => {
    const lists: string[][] = [
      ta().sourcetypes.XmlWinEventLog.event_4688_fields_observed_ta_8_9_0,
      ta().sourcetypes.sysmon_xml_event_1_fields_splunk_addon_for_sysmon_4_0_2,
      ta().other_xml_events_ta_8_9_0['4624'],
      ta().other_xml_events_ta_8_9_0['7045'],
    ];
    const missing = lists.flat().filter((f) => produced(f) && !fields.has(f));
    assert.deepEqual([...new Set(missing)], []);
  });

  it('gives names that differ only in case distinct SQL names, keeping their spelling', () => {
    const columns = catalogColumns(view('windows').columns);
    const sqlNames = columns.map((c) => c.sqlName.toLowerCase());
    assert.equal(new Set(sqlNames).size, sqlNames.length);

    const byName = new Map(columns.map((c) => [c.name, c.sqlName]));
    assert.equal(byName.get('New_Process_Name'), 'New_Process_Name');
    assert.notEqual(byName.get('new_process_name')?.toLowerCase(), 'new_process_name');
    assert.ok(byName.has('User') && byName.has('user'));
    assert.ok(byName.has('ProcessId') && byName.has('ProcessID'));
  });

  it('types the multivalue classic fields as dynamic', () => {
    const types = new Map(view('windows').columns.map((c) => [c.name, c.type]));
    for (const name of ['Account_Name', 'Account_Domain', 'Security_ID', 'Logon_ID', 'eventtype']) {
      assert.equal(types.get(name), 'dynamic', name);
    }
    assert.equal(types.get('_time'), 'datetime');
    assert.equal(types.get('EventCode'), 'long');
  });
});
