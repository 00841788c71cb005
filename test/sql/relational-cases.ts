/**
 * Plans for the relational compiler's tests: catalog-like scans, and two small tables whose
 * join keys repeat on both sides and include nulls.
 */
import type { Value } from '../../src/engine/engine.js';
import * as plan from '../../src/plan/build.js';
import { call, col, lit } from '../../src/plan/expr.js';
import type { Column, JoinKind, Relation } from '../../src/plan/relation.js';

export const SECURITY_EVENT = plan.scan('SecurityEvent', [
  { name: 'Computer', type: 'string' },
  { name: 'EventID', type: 'int' },
  { name: 'Account', type: 'string' },
  { name: 'TimeGenerated', type: 'datetime' },
]);

const BY_COMPUTER = [{ name: 'Computer', expr: col('Computer') }];
const IS_4688 = call('eq', col('EventID'), lit(4688, 'int'));

/** A table of the tests' store: its columns and rows. */
export interface TestTable {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Value[])[];
}

/** Left rows: key `b` twice, a null key, a key the right side lacks. */
export const LEFT: TestTable = {
  name: 'lefts',
  columns: [
    { name: 'Key', type: 'string' },
    { name: 'Value1', type: 'long' },
  ],
  rows: [
    ['a', 1],
    ['b', 2],
    ['b', 3],
    ['c', 4],
    [null, 5],
  ],
};

/** Right rows: key `c` twice, a null key, a key the left side lacks. */
export const RIGHT: TestTable = {
  name: 'rights',
  columns: [
    { name: 'Key', type: 'string' },
    { name: 'Value2', type: 'long' },
  ],
  rows: [
    ['b', 10],
    ['c', 20],
    ['c', 30],
    ['d', 40],
    [null, 50],
  ],
};

/** Rows whose sort column holds nulls. */
export const SCORES: TestTable = {
  name: 'scores',
  columns: [
    { name: 'Name', type: 'string' },
    { name: 'Score', type: 'long' },
  ],
  rows: [
    ['x', 3],
    ['y', null],
    ['z', 7],
    ['w', 1],
  ],
};

export const scanOf = (table: TestTable): Relation => plan.scan(table.name, table.columns);

/** `left | join kind=... right on Key`. */
export const joinOn = (kind: JoinKind): Relation =>
  plan.join(kind, scanOf(LEFT), scanOf(RIGHT), [{ left: col('Key'), right: col('Key') }]);

/** One plan per operator, for the SQL each dialect writes. */
export const CASES = {
  scan: plan.scan(
    'windows',
    [
      { name: 'User', type: 'string' },
      { name: 'user', type: 'string', sqlName: 'user~2' },
    ],
    'splunk',
  ),
  values: plan.values(
    [
      { name: 'name', type: 'string' },
      { name: 'n', type: 'long' },
    ],
    [
      [lit('a'), lit(1)],
      [lit("b'"), lit(null, 'long')],
    ],
  ),
  filter: plan.filter(SECURITY_EVENT, IS_4688),
  extend: plan.extend(plan.filter(SECURITY_EVENT, IS_4688), [
    { name: 'EventID', expr: lit(1) },
    { name: 'Host', expr: col('Computer') },
  ]),
  aggregate: plan.aggregate(SECURITY_EVENT, BY_COMPUTER, [
    { fn: 'count', name: 'count_' },
    { fn: 'dcount', name: 'dcount_Account', arg: col('Account') },
    {
      fn: 'arg_max',
      name: 'TimeGenerated',
      arg: col('TimeGenerated'),
      returns: plan.allOtherColumns(SECURITY_EVENT, BY_COMPUTER, col('TimeGenerated')),
    },
  ]),
  collect: plan.aggregate(
    scanOf(LEFT),
    [],
    [
      { fn: 'make_set', name: 'keys', arg: col('Key'), maxSize: 10 },
      { fn: 'make_list', name: 'values', arg: col('Value1') },
      { fn: 'countif', name: 'big', arg: call('eq', col('Key'), lit('b')) },
    ],
  ),
  sort: plan.sort(SECURITY_EVENT, [plan.desc(col('TimeGenerated')), plan.asc(col('Computer'))]),
  limit: plan.limit(SECURITY_EVENT, 10),
  top: plan.topN(
    plan.aggregate(SECURITY_EVENT, BY_COMPUTER, [{ fn: 'count', name: 'count_' }]),
    [plan.desc(col('count_'))],
    5,
  ),
  distinct: plan.distinct(plan.project(SECURITY_EVENT, BY_COMPUTER)),
  inner: joinOn('inner'),
  innerunique: joinOn('innerunique'),
  leftouter: joinOn('leftouter'),
  leftsemi: joinOn('leftsemi'),
  rightanti: joinOn('rightanti'),
  union: plan.union([scanOf(LEFT), scanOf(RIGHT)], {
    source: { name: 'Table', labels: ['lefts', 'rights'] },
  }),
  unnest: plan.unnest(
    plan.values([{ name: 'Items', type: 'dynamic' }], [[lit('[1, 2]', 'dynamic')]]),
    'Items',
    col('Items'),
    { type: 'long', index: 'Index' },
  ),
} satisfies Record<string, Relation>;
