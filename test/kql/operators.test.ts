import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Expression, ItemExpression, QueryOperator } from '../../src/kql/syntax.js';
import { bracketed, operatorOf, shape } from './kql-helpers.js';

function op<K extends QueryOperator['kind']>(text: string, kind: K) {
  const operator = operatorOf(`T | ${text}`);
  assert.equal(operator.kind, kind, text);
  return operator as Extract<QueryOperator, { kind: K }>;
}

function names(items: readonly (ItemExpression | Expression)[]): string[] {
  return items.map((item) => {
    if (item.kind !== 'NamedExpression') return bracketed(item);
    const declared = item.names.map((n) => (n.kind === 'Name' ? n.text : '?'));
    return `${declared.join(',')}=${bracketed(item.expression)}`;
  });
}

function parameters(o: { parameters: readonly { name: string; value: Expression }[] }) {
  return o.parameters.map((p) => `${p.name}=${bracketed(p.value)}`);
}

describe('filtering and shaping operators', () => {
  test('where and its alias filter', () => {
    assert.equal(bracketed(op('where a > 1 and b', 'WhereOperator').predicate), '((a > 1) and b)');
    assert.equal(op('filter a', 'WhereOperator').predicate.kind, 'NameReference');
  });

  test('project names some columns and keeps others', () => {
    const o = op("project a, b = c + 1, ['d e'] = f, (g, h) = pair(x)", 'ProjectOperator');
    assert.deepEqual(names(o.columns), ['a', 'b=(c + 1)', 'd e=f', 'g,h=pair(...)']);
  });

  test('project-away and project-keep take names and wildcard patterns', () => {
    const away = op("project-away a, b*, *c, d*e, ['f g']", 'ProjectAwayOperator');
    assert.deepEqual(
      away.columns.map((c) => shape(c)),
      [
        { kind: 'NameReference', name: 'a' },
        { kind: 'NamePattern', pattern: 'b*' },
        { kind: 'NamePattern', pattern: '*c' },
        { kind: 'NamePattern', pattern: 'd*e' },
        { kind: 'NameReference', name: 'f g' },
      ],
    );
    assert.equal(op('project-keep x*', 'ProjectKeepOperator').columns[0]?.kind, 'NamePattern');
  });

  test('project-rename pairs new names with old ones', () => {
    assert.deepEqual(names(op('project-rename a = b, c = d', 'ProjectRenameOperator').columns), [
      'a=b',
      'c=d',
    ]);
  });

  test('project-reorder takes directions including the granny ones', () => {
    const o = op(
      'project-reorder a asc, b* desc, c granny-asc, d granny-desc, e',
      'ProjectReorderOperator',
    );
    assert.deepEqual(
      o.columns.map((c) => c.direction),
      ['asc', 'desc', 'granny-asc', 'granny-desc', null],
    );
  });

  test('project-by-names takes strings and dynamic arrays', () => {
    const o = op('project-by-names "a", "b*", dynamic(["c"])', 'ProjectByNamesOperator');
    assert.equal(o.columns.length, 3);
  });

  test('extend adds named and unnamed columns', () => {
    assert.deepEqual(names(op('extend x = a * 2, tostring(b)', 'ExtendOperator').columns), [
      'x=(a * 2)',
      'tostring(...)',
    ]);
  });

  test('serialize may name row-number columns or nothing', () => {
    assert.equal(op('serialize', 'SerializeOperator').columns.length, 0);
    assert.deepEqual(names(op('serialize n = row_number()', 'SerializeOperator').columns), [
      'n=row_number(...)',
    ]);
  });

  test('distinct takes columns or a star', () => {
    assert.deepEqual(names(op('distinct a, b', 'DistinctOperator').columns), ['a', 'b']);
    assert.equal(op('distinct *', 'DistinctOperator').columns[0]?.kind, 'StarExpression');
  });

  test('count, getschema and consume take no columns', () => {
    op('count', 'CountOperator');
    op('getschema', 'GetSchemaOperator');
    assert.deepEqual(parameters(op('consume decodeblocks=true', 'ConsumeOperator')), [
      'decodeblocks=BooleanLiteral',
    ]);
  });
});

describe('ordering and limiting operators', () => {
  test('sort and order take directions and null placement', () => {
    const o = op('sort by a asc nulls first, b desc nulls last, c', 'SortOperator');
    assert.deepEqual(
      o.columns.map((c) => [bracketed(c.expression), c.direction, c.nulls]),
      [
        ['a', 'asc', 'first'],
        ['b', 'desc', 'last'],
        ['c', null, null],
      ],
    );
    assert.equal(op('order by x', 'SortOperator').columns.length, 1);
  });

  test('take and limit take a count', () => {
    assert.equal(bracketed(op('take 10', 'TakeOperator').count), '10');
    assert.equal(bracketed(op('limit n * 2', 'TakeOperator').count), '(n * 2)');
  });

  test('top takes a count and one sort key', () => {
    const o = op('top 5 by x desc nulls last', 'TopOperator');
    assert.deepEqual([bracketed(o.count), o.by.direction, o.by.nulls], ['5', 'desc', 'last']);
  });

  test('top-hitters takes a count, a column and an optional weight', () => {
    const o = op('top-hitters 5 of a by b', 'TopHittersOperator');
    assert.deepEqual(
      [bracketed(o.count), bracketed(o.of), o.by && bracketed(o.by)],
      ['5', 'a', 'b'],
    );
  });

  test('top-nested chains its levels', () => {
    const o = op(
      'top-nested 3 of a by sum(x), top-nested of b with others = "rest" by c = count() desc',
      'TopNestedOperator',
    );
    assert.equal(o.clauses.length, 2);
    assert.equal(o.clauses[1]?.count, null);
    assert.equal(o.clauses[1]?.others?.kind, 'StringLiteral');
    assert.equal(o.clauses[1]?.direction, 'desc');
  });

  test('sample and sample-distinct take counts', () => {
    assert.equal(bracketed(op('sample 10', 'SampleOperator').count), '10');
    const o = op('sample-distinct 5 of a', 'SampleDistinctOperator');
    assert.equal(bracketed(o.of), 'a');
  });
});

describe('aggregating operators', () => {
  test('summarize takes hints, named aggregates and bins', () => {
    const o = op(
      'summarize hint.shufflekey=k n = count(), countif(a > 1) by bin(ts, 1h), b',
      'SummarizeOperator',
    );
    assert.deepEqual(parameters(o), ['hint.shufflekey=k']);
    assert.deepEqual(names(o.aggregates), ['n=count(...)', 'countif(...)']);
    assert.deepEqual(names(o.by), ['bin(...)', 'b']);
  });

  test('summarize may group without aggregates', () => {
    const o = op('summarize by a, b', 'SummarizeOperator');
    assert.deepEqual([o.aggregates.length, o.by.length], [0, 2]);
  });

  test('make-series takes defaults, a range and groups', () => {
    const o = op(
      'make-series kind=nonempty avg(x) default=0, c = count() ' +
        'on ts from ago(1d) to now() step 1h by y',
      'MakeSeriesOperator',
    );
    assert.deepEqual(parameters(o), ['kind=nonempty']);
    assert.equal(o.aggregates[0]?.defaultValue?.kind, 'NumberLiteral');
    assert.deepEqual(
      [o.from?.kind, o.to?.kind, o.step?.kind, o.inRange],
      ['FunctionCall', 'FunctionCall', 'TimespanLiteral', false],
    );
    assert.deepEqual(names(o.by), ['y']);
  });

  test('make-series also takes the older in range(...) form', () => {
    const o = op('make-series avg(x) on ts in range(ago(1d), now(), 1h)', 'MakeSeriesOperator');
    assert.equal(o.inRange, true);
    assert.equal(o.step?.kind, 'TimespanLiteral');
  });

  test('reduce takes a kind and its with-properties', () => {
    const o = op(
      'reduce kind=source by Message with threshold=0.35, characters="ab"',
      'ReduceOperator',
    );
    assert.deepEqual(parameters(o), ['kind=source']);
    assert.deepEqual(
      o.properties.map((p) => p.name),
      ['threshold', 'characters'],
    );
  });
});

describe('operators that expand and parse values', () => {
  test('mv-expand takes parameters, typed items and a limit', () => {
    const o = op(
      'mv-expand kind=array bagexpansion=array with_itemindex=i x to typeof(string), y = z limit 5',
      'MvExpandOperator',
    );
    assert.deepEqual(parameters(o), ['kind=array', 'bagexpansion=array', 'with_itemindex=i']);
    assert.deepEqual(shape(o.items[0]?.type), { kind: 'ScalarType', name: 'string' });
    assert.equal(o.items[1]?.expression.kind, 'NamedExpression');
    assert.equal(o.limit && bracketed(o.limit), '5');
    assert.equal(op('mvexpand x', 'MvExpandOperator').items.length, 1);
  });

  test('mv-apply runs a sub-query on each expanded set', () => {
    const o = op(
      'mv-apply with_itemindex=i x to typeof(long) limit 3 on (top 1 by x | project x)',
      'MvApplyOperator',
    );
    assert.deepEqual(
      o.subquery.operators.map((s) => s.kind),
      ['TopOperator', 'ProjectOperator'],
    );
  });

  test('parse reads a pattern of stars, strings and typed columns', () => {
    const o = op('parse kind=regex flags=Ui x with * "a" col:string "b" rest', 'ParseOperator');
    assert.deepEqual(parameters(o), ['kind=regex', 'flags=Ui']);
    assert.deepEqual(
      o.pattern.map((item) => item.kind),
      ['StarExpression', 'StringLiteral', 'ParseColumn', 'StringLiteral', 'ParseColumn'],
    );
  });

  test('parse-where is parse that drops rows', () => {
    assert.equal(op('parse-where x with "a" n:long', 'ParseWhereOperator').pattern.length, 2);
  });

  test('parse-kv declares keys and takes properties', () => {
    const o = op(
      "parse-kv Text as (a:string, b:long) with (pair_delimiter=',', kv_delimiter='=')",
      'ParseKvOperator',
    );
    assert.deepEqual(
      o.keys.map((k) => (k.name.kind === 'Name' ? k.name.text : '')),
      ['a', 'b'],
    );
    assert.deepEqual(
      o.properties.map((p) => p.name),
      ['pair_delimiter', 'kv_delimiter'],
    );
  });

  test('scan declares state and runs steps', () => {
    const o = op(
      'scan with_match_id=m declare (s:long = 0) ' +
        'with (step s1 output=last: x > 1 => s = x; step s2: x < 1;)',
      'ScanOperator',
    );
    assert.equal(o.declarations[0]?.defaultValue?.kind, 'NumberLiteral');
    assert.deepEqual(
      o.steps.map((s) => [s.output, s.assignments.length]),
      [
        ['last', 1],
        [null, 0],
      ],
    );
  });
});
