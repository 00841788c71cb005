import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseKql } from '../../src/kql/parser.js';
import { printKql } from '../../src/kql/print.js';
import { NO_SHARED } from '../support/store.js';
import { corpusQueries } from './corpus-queries.js';
import { parseClean, shape } from './kql-helpers.js';
import { SAMPLE_QUERIES } from './sample-queries.js';

describe('printing back to KQL', () => {
  for (const query of SAMPLE_QUERIES) {
    test(`prints a tree that parses back to the same shape: ${query.slice(0, 60)}`, () => {
      const tree = parseClean(query);
      const printed = printKql(tree);
      assert.deepEqual(shape(parseClean(printed)), shape(tree), printed);
    });
  }

  test('whitespace is normalised and top-level pipe steps go on their own lines', () => {
    const tree = parseClean('let  x=1;T|where  a>x // note\n|join (T2|take 1) on a');
    assert.equal(printKql(tree), 'let x = 1;\nT\n| where a > x\n| join (T2 | take 1) on a');
  });

  test('names that would read back as something else are bracketed', () => {
    const tree = parseClean("T | extend ['by'] = 1, ['a b'] = 2, c = 3");
    assert.equal(printKql(tree), "T\n| extend ['by'] = 1, ['a b'] = 2, c = 3");
  });

  test(
    'every corpus query that parses cleanly prints back to the same shape',
    { skip: NO_SHARED },
    () => {
      const failures: string[] = [];
      let checked = 0;
      for (const { source, text } of corpusQueries()) {
        const { tree, diagnostics } = parseKql(text);
        if (diagnostics.length > 0) continue;
        checked++;
        const again = parseKql(printKql(tree));
        const same = again.diagnostics.length === 0 && isSameShape(again.tree, tree);
        if (!same) failures.push(source);
      }
      assert.ok(checked > 1000, `only ${checked} queries checked`);
      assert.deepEqual(failures, []);
    },
  );
});

function isSameShape(a: unknown, b: unknown): boolean {
  return JSON.stringify(shape(a)) === JSON.stringify(shape(b));
}
