import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InternalError } from '../../src/errors.js';
import * as plan from '../../src/plan/build.js';
import { call, col, lit } from '../../src/plan/expr.js';
import { printPlan } from '../../src/plan/print.js';
import { schemaOf } from '../../src/plan/schema.js';

const EVENTS = plan.scan('SecurityEvent', [
  { name: 'Computer', type: 'string' },
  { name: 'EventID', type: 'int' },
  { name: 'TimeGenerated', type: 'datetime' },
]);

const LOGONS = plan.scan('SigninLogs', [
  { name: 'Computer', type: 'string' },
  { name: 'EventID', type: 'long' },
  { name: 'Computer1', type: 'string' },
]);

const names = (rel: Parameters<typeof schemaOf>[0]) => schemaOf(rel).map((c) => c.name);

describe('plan schemas', () => {
  it('suffixes the right side of a join with the first free number, as Kusto does', () => {
    const join = plan.join('inner', EVENTS, LOGONS, [
      { left: col('Computer'), right: col('Computer') },
    ]);
    assert.deepEqual(names(join), [
      'Computer',
      'EventID',
      'TimeGenerated',
      'Computer1',
      'EventID1',
      'Computer11',
    ]);
  });

  it('keeps one side only for semi and anti joins', () => {
    const on = [{ left: col('Computer'), right: col('Computer') }];
    assert.deepEqual(names(plan.join('leftanti', EVENTS, LOGONS, on)), names(EVENTS));
    assert.deepEqual(names(plan.join('rightsemi', EVENTS, LOGONS, on)), names(LOGONS));
  });

  it('gives a union one column per name and type, suffixed by type when a name has two', () => {
    const union = plan.union([EVENTS, LOGONS], {
      source: { name: 'Type', labels: ['SecurityEvent', 'SigninLogs'] },
    });
    assert.deepEqual(schemaOf(union), [
      { name: 'Type', type: 'string' },
      { name: 'Computer', type: 'string' },
      { name: 'EventID_int', type: 'int' },
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'EventID_long', type: 'long' },
      { name: 'Computer1', type: 'string' },
    ]);
    assert.deepEqual(names(plan.union([EVENTS, LOGONS], { kind: 'inner' })), ['Computer']);
  });

  it('lists group keys, then each aggregation, arg_max with the columns it returns', () => {
    const keys = [{ name: 'Computer', expr: col('Computer') }];
    const rel = plan.aggregate(EVENTS, keys, [
      { fn: 'count', name: 'count_' },
      { fn: 'avg', name: 'avg_EventID', arg: col('EventID') },
      {
        fn: 'arg_max',
        name: 'TimeGenerated',
        arg: col('TimeGenerated'),
        returns: plan.allOtherColumns(EVENTS, keys, col('TimeGenerated')),
      },
      { fn: 'make_set', name: 'ids', arg: col('EventID'), maxSize: 5 },
    ]);
    assert.deepEqual(schemaOf(rel), [
      { name: 'Computer', type: 'string' },
      { name: 'count_', type: 'long' },
      { name: 'avg_EventID', type: 'real' },
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'EventID', type: 'int' },
      { name: 'ids', type: 'dynamic' },
    ]);
  });

  it('replaces a column in place on extend and appends new ones', () => {
    const rel = plan.extend(EVENTS, [
      { name: 'Tag', expr: lit('x') },
      { name: 'EventID', expr: lit(1) },
    ]);
    assert.deepEqual(schemaOf(rel), [
      { name: 'Computer', type: 'string' },
      { name: 'EventID', type: 'long' },
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Tag', type: 'string' },
    ]);
  });

  it('replaces the expanded column and appends its index', () => {
    const rel = plan.unnest(EVENTS, 'Computer', col('Computer'), { index: 'i' });
    assert.deepEqual(schemaOf(rel).slice(0, 1), [{ name: 'Computer', type: 'dynamic' }]);
    assert.deepEqual(names(rel), ['Computer', 'EventID', 'TimeGenerated', 'i']);
  });
});

describe('plan factories', () => {
  it('sort ascending with nulls first and descending with nulls last, as Kusto does', () => {
    // learn.microsoft.com/kusto/query/sort-operator: "Default for asc is nulls first.
    // Default for desc is nulls last."
    assert.deepEqual(plan.asc(col('x')), { expr: col('x'), descending: false, nullsFirst: true });
    assert.deepEqual(plan.desc(col('x')), { expr: col('x'), descending: true, nullsFirst: false });
    assert.equal(plan.desc(col('x'), 'first').nullsFirst, true);
  });

  it('reject a reference to a column the input lacks', () => {
    assert.throws(() => plan.filter(EVENTS, call('isNull', col('Account'))), InternalError);
  });

  it('reject a projection that names a column twice', () => {
    const twice = [
      { name: 'a', expr: col('Computer') },
      { name: 'a', expr: col('EventID') },
    ];
    assert.throws(() => plan.project(EVENTS, twice), InternalError);
  });

  it('reject a row count that is not a count', () => {
    assert.throws(() => plan.limit(EVENTS, -1), InternalError);
    assert.throws(() => plan.topN(EVENTS, [plan.desc(col('EventID'))], 1.5), InternalError);
  });
});

describe('the plan printer', () => {
  it('prints one operator per line, inputs indented below', () => {
    const rel = plan.topN(
      plan.aggregate(
        plan.filter(EVENTS, call('eq', col('EventID'), lit(4688))),
        [{ name: 'Computer', expr: col('Computer') }],
        [{ fn: 'count', name: 'count_' }],
      ),
      [plan.desc(col('count_'))],
      10,
    );
    assert.equal(
      printPlan(rel),
      [
        'TopN 10 by count_ desc nulls last',
        '  Aggregate by Computer: count_ = count()',
        '    Filter eq(EventID, 4688)',
        '      Scan SecurityEvent',
      ].join('\n'),
    );
  });

  it('prints an extend as the input columns and the new ones, and joins with their keys', () => {
    const rel = plan.join(
      'leftouter',
      plan.extend(EVENTS, [{ name: 'Host Name', expr: call('lower', col('Computer')) }]),
      plan.scan('windows', [{ name: 'host', type: 'string' }], 'splunk'),
      [{ left: col('Host Name'), right: col('host') }],
    );
    assert.equal(
      printPlan(rel),
      [
        "Join leftouter on left.['Host Name'] == right.host",
        "  Project *, ['Host Name'] = lower(Computer)",
        '    Scan SecurityEvent',
        '  Scan splunk.windows',
      ].join('\n'),
    );
  });
});
