import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseKql } from '../../src/kql/parser.js';
import { NO_SHARED } from '../support/store.js';
import { corpusQueries, isManagementCommand } from './corpus-queries.js';
import { loadOracle } from './kusto-oracle.js';
import { SAMPLE_QUERIES } from './sample-queries.js';

const oracle = loadOracle();
const NO_ORACLE = typeof oracle === 'string' ? oracle : false;

function accepts(text: string): boolean {
  return parseKql(text).diagnostics.every((d) => d.severity !== 'error');
}

describe("agreement with Microsoft's parser", () => {
  test('Microsoft accepts every sample query we accept', { skip: NO_ORACLE }, () => {
    if (typeof oracle === 'string') return;
    const rejected = SAMPLE_QUERIES.filter((q) => oracle(q).length > 0);
    assert.deepEqual(rejected, []);
  });

  test(
    'on the corpus we accept what Microsoft accepts and reject what it rejects',
    { skip: NO_SHARED || NO_ORACLE },
    (t) => {
      if (typeof oracle === 'string') return;
      const queries = corpusQueries().filter((q) => !isManagementCommand(q.text));
      const disagreements: string[] = [];
      let bothAccept = 0;
      let bothReject = 0;
      for (const { source, text } of queries) {
        const theirs = oracle(text);
        const ours = accepts(text);
        if (ours && theirs.length === 0) bothAccept++;
        else if (!ours && theirs.length > 0) bothReject++;
        else if (ours) disagreements.push(`${source}: only we accept; Microsoft: ${theirs[0]}`);
        else disagreements.push(`${source}: only Microsoft accepts`);
      }

      const agreement = (bothAccept + bothReject) / queries.length;
      t.diagnostic(
        `agreement ${(agreement * 100).toFixed(2)}% on ${queries.length} queries: ` +
          `${bothAccept} accepted by both, ${bothReject} rejected by both`,
      );
      for (const line of disagreements) t.diagnostic(`  ${line}`);
      assert.ok(agreement >= 0.99, `agreement only ${(agreement * 100).toFixed(2)}%`);
    },
  );
});
