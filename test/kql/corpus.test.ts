import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKql } from '../../src/kql/parser.js';
import { NO_SHARED } from '../support/store.js';
import { corpusQueries, isManagementCommand } from './corpus-queries.js';

test(
  'at least 95% of the corpus queries parse without error diagnostics',
  { skip: NO_SHARED },
  (t) => {
    const all = corpusQueries();
    const queries = all.filter((q) => !isManagementCommand(q.text));
    const failures: string[] = [];
    const groups = new Map<string, { total: number; clean: number }>();
    for (const { source, text } of queries) {
      const errors = parseKql(text).diagnostics.filter((d) => d.severity === 'error');
      const group = groups.get(source.split('/')[0] ?? '') ?? { total: 0, clean: 0 };
      groups.set(source.split('/')[0] ?? '', group);
      group.total++;
      if (errors.length === 0) group.clean++;
      const first = errors[0];
      if (first)
        failures.push(`${source}: ${first.line}:${first.column} ${first.code} ${first.message}`);
    }

    const clean = queries.length - failures.length;
    const share = clean / queries.length;
    t.diagnostic(
      `${clean} of ${queries.length} queries (${(share * 100).toFixed(1)}%) ` +
        'parse without errors; ' +
        `${all.length - queries.length} management commands (.show, .create...) not counted`,
    );
    for (const [group, { total, clean: ok }] of groups)
      t.diagnostic(`  ${group}: ${ok} of ${total}`);
    t.diagnostic(`${failures.length} failures, first error of each:`);
    for (const failure of failures) t.diagnostic(`  ${failure}`);
    assert.ok(share >= 0.95, `only ${(share * 100).toFixed(1)}% parse cleanly`);
  },
);

test('parsing a thousand queries completes and reports nothing', () => {
  const lines = [
    'SecurityEvent',
    '| where TimeGenerated > ago(1d) and EventID == 4688',
    '| where NewProcessName endswith @"\\wmic.exe" and CommandLine has "process call create"',
    '| extend Host = tostring(split(Computer, ".")[0])',
    '| summarize count(), make_set(CommandLine) by Account, Host, bin(TimeGenerated, 1h)',
    '| where count_ > 3',
    '| join kind=leftouter (SigninLogs | project Account = UserPrincipalName, IP) on Account',
    '| project TimeGenerated, Account, Host, IPAddress',
    '| top 100 by TimeGenerated desc',
  ];
  let parsed = 0;
  for (let i = 0; i < 1000; i++) {
    const query = `let limit = ${i};\n${lines.join('\n')}`;
    assert.equal(parseKql(query).diagnostics.length, 0);
    parsed++;
  }
  assert.equal(parsed, 1000);
});
