import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseKql } from '../../src/kql/parser.js';
import type { Expression, QueryOperator } from '../../src/kql/syntax.js';
import { bracketed, expressionOf, operatorOf, shape } from './kql-helpers.js';

function op<K extends QueryOperator['kind']>(text: string, kind: K) {
  const operator = operatorOf(`T | ${text}`);
  assert.equal(operator.kind, kind, text);
  return operator as Extract<QueryOperator, { kind: K }>;
}

function source<K extends Expression['kind']>(text: string, kind: K) {
  let expression = expressionOf(text);
  if (expression.kind === 'PipeExpression') expression = expression.source;
  assert.equal(expression.kind, kind, text);
  return expression as Extract<Expression, { kind: K }>;
}

function parameters(o: { parameters: readonly { name: string; value: Expression }[] }) {
  return o.parameters.map((p) => `${p.name}=${bracketed(p.value)}`);
}

describe('operators that combine queries', () => {
  test('join takes a kind, hints, a sub-query and conditions', () => {
    const o = op(
      'join kind=inner hint.strategy=broadcast (T2 | where x) on a, $left.b == $right.c',
      'JoinOperator',
    );
    assert.deepEqual(parameters(o), ['kind=inner', 'hint.strategy=broadcast']);
    assert.equal(o.right.kind, 'ParenthesizedExpression');
    assert.deepEqual(o.conditions.map(bracketed), ['a', '($left.b == $right.c)']);
  });

  test('join takes a table name on the right', () => {
    const o = op('join kind=leftanti T2 on a', 'JoinOperator');
    assert.deepEqual(shape(o.right), { kind: 'NameReference', name: 'T2' });
  });

  test('lookup takes a kind and conditions', () => {
    const o = op('lookup kind=leftouter (T2) on $left.a == $right.b', 'LookupOperator');
    assert.deepEqual(parameters(o), ['kind=leftouter']);
  });

  test('union after a pipe takes tables, patterns and sub-queries', () => {
    const o = op(
      'union kind=outer withsource=S isfuzzy=true T1, (T2 | where x), Sec*',
      'UnionOperator',
    );
    assert.deepEqual(parameters(o), ['kind=outer', 'withsource=S', 'isfuzzy=BooleanLiteral']);
    assert.deepEqual(
      o.tables.map((t) => t.kind),
      ['NameReference', 'ParenthesizedExpression', 'NamePattern'],
    );
  });

  test('fork runs named and unnamed branches', () => {
    const o = op('fork (where x | take 3) n = (count)', 'ForkOperator');
    assert.deepEqual(
      o.branches.map((b) => [b.name?.kind ?? null, b.subquery.operators.length]),
      [
        [null, 2],
        ['Name', 1],
      ],
    );
  });

  test('facet takes columns and an optional sub-query', () => {
    const o = op('facet by a, b with (top 3 by c)', 'FacetOperator');
    assert.deepEqual(o.columns.map(bracketed), ['a', 'b']);
    assert.equal(o.subquery?.operators[0]?.kind, 'TopOperator');
  });

  test('partition takes operators in parentheses or a query in braces', () => {
    const piped = op('partition hint.strategy=native by a (top 3 by b)', 'PartitionOperator');
    assert.equal(piped.body.kind, 'OperatorPipeline');
    const braced = op('partition by a { T | top 3 by b }', 'PartitionOperator');
    assert.equal(braced.body.kind, 'PipeExpression');
  });

  test('evaluate calls a plugin with named arguments and a declared schema', () => {
    const o = op(
      'evaluate hint.distribution=per_node ' +
        "bag_unpack(d, columnsConflict='replace_source') : (*, x:string)",
      'EvaluateOperator',
    );
    assert.ok(o.plugin.kind === 'FunctionCall');
    assert.equal(o.plugin.arguments[1]?.kind, 'NamedExpression');
    assert.equal(o.outputSchema?.kind, 'TabularType');
  });

  test('invoke calls a tabular function', () => {
    assert.equal(op('invoke f(1)', 'InvokeOperator').call.kind, 'FunctionCall');
  });

  test('as names the result so far', () => {
    const o = op('as hint.materialized=true X', 'AsOperator');
    assert.deepEqual(
      [parameters(o), shape(o.name)],
      [['hint.materialized=BooleanLiteral'], { kind: 'Name', text: 'X' }],
    );
  });

  test('search takes a kind, tables and a predicate with column:value terms', () => {
    const o = op('search kind=case_sensitive in (T1, T2*) "x" and y:"z"', 'SearchOperator');
    assert.equal(o.tables?.length, 2);
    assert.equal(bracketed(o.predicate), '("x" and (y : "z"))');
  });

  test('render takes a visualization and properties, a value may be a list', () => {
    const o = op('render timechart with (title="x", ycolumns=a, b, series=c)', 'RenderOperator');
    assert.deepEqual(
      o.properties.map((p) => [p.name, p.values.length]),
      [
        ['title', 1],
        ['ycolumns', 2],
        ['series', 1],
      ],
    );
    assert.equal(op('render timechart title="x"', 'RenderOperator').properties.length, 1);
  });
});

describe('operators that start a query', () => {
  test('print makes a row', () => {
    const o = source('print a = 1, 2', 'PrintOperator');
    assert.equal(o.columns.length, 2);
  });

  test('range makes a column of values', () => {
    const o = source('range x from 1 to 10 step 2 | where x > 1', 'RangeOperator');
    assert.deepEqual([o.from, o.to, o.step].map(bracketed), ['1', '10', '2']);
  });

  test('range with parentheses is the function', () => {
    assert.equal(source('print range(1, 5, 1)', 'PrintOperator').columns[0]?.kind, 'FunctionCall');
  });

  test('datatable takes a schema and values, a trailing comma allowed', () => {
    const o = source('datatable(a:int, b:string) [1, "x", 2, "y",]', 'DataTableOperator');
    assert.deepEqual([o.schema.length, o.values.length], [2, 4]);
  });

  test('externaldata takes a schema, locations and properties', () => {
    const o = source(
      'externaldata (a:string) [h@"https://x/y.csv"] with (format="csv", ignoreFirstRecord=true)',
      'ExternalDataOperator',
    );
    assert.deepEqual([o.uris.length, o.properties.length], [1, 2]);
  });

  test('inline_external_table takes its clauses in order', () => {
    const o = source(
      'inline_external_table(t:datetime, v:real) kind=storage ' +
        'partition by (d:datetime = startofday(t)) ' +
        "pathformat=('d=' datetime_pattern('yyyy', d)) dataformat=parquet (h@'https://x')",
      'InlineExternalTableOperator',
    );
    assert.deepEqual(parameters(o), ['kind=storage', 'dataformat=parquet']);
    assert.deepEqual([o.partitions.length, o.pathFormat?.length, o.uris.length], [1, 2, 1]);
  });

  test('union, search and evaluate may start a query', () => {
    assert.equal(source('union T1, T2', 'UnionOperator').tables.length, 2);
    assert.equal(source('search * has "x"', 'SearchOperator').tables, null);
    assert.equal(
      source("evaluate sql_request('c', 'q') : (a:long)", 'EvaluateOperator').plugin.kind,
      'FunctionCall',
    );
  });

  test('find takes a source column, tables, a predicate and a projection', () => {
    const o = source(
      'find withsource=S in (T1, T*) where a == 1 project b, c:string',
      'FindOperator',
    );
    assert.deepEqual(parameters(o), ['withsource=S']);
    assert.deepEqual(
      o.projection?.columns.map((c) => c.type?.kind ?? null),
      [null, 'ScalarType'],
    );
    assert.equal(source('find "x"', 'FindOperator').projection, null);
  });

  test('macro-expand runs a query for each entity of a group', () => {
    const o = source(
      "macro-expand entity_group [database('a'), database('b')] as X (X.T | count)",
      'MacroExpandOperator',
    );
    assert.equal(o.entityGroup.kind, 'EntityGroup');
    assert.equal(o.body.kind, 'PipeExpression');
  });

  test('source words are names only in brackets', () => {
    const bare = parseKql('T | project union').diagnostics.map((d) => d.message);
    assert.deepEqual(bare, ["expected an expression after 'project', found 'union'"]);
    assert.equal(source("print ['union']", 'PrintOperator').columns[0]?.kind, 'NameReference');
  });
});

describe('graph operators', () => {
  test('make-graph takes edges and either node tables or a node id', () => {
    const o = op('make-graph a --> b with N1 on id, N2 on key', 'MakeGraphOperator');
    assert.deepEqual([o.directed, o.nodeTables.length], [true, 2]);
    const named = op('make-graph a --> b with_node_id=n', 'MakeGraphOperator');
    assert.deepEqual(parameters(named), ['with_node_id=n']);
    assert.equal(op('make-graph a -- b', 'MakeGraphOperator').directed, false);
  });

  test('graph-match reads path patterns with every kind of edge', () => {
    const o = op(
      'graph-match cycles=none (a)-[e*1..3]->(b)<-[f]-(c)--(d)-->(), (b)<--(x) ' +
        'where a.v == 1 project a, n = b.v',
      'GraphMatchOperator',
    );
    const edges = o.patterns[0]?.elements.filter((e) => e.kind === 'GraphEdge') ?? [];
    assert.deepEqual(
      edges.map((e) => [e.direction, e.name?.kind ?? null, e.minHops && bracketed(e.minHops)]),
      [
        ['forward', 'Name', '1'],
        ['backward', 'Name', null],
        ['any', null, null],
        ['forward', null, null],
      ],
    );
    assert.deepEqual(
      [o.patterns.length, o.where?.kind, o.project?.length],
      [2, 'BinaryExpression', 2],
    );
  });

  test('graph-shortest-paths takes an output mode', () => {
    const o = op(
      'graph-shortest-paths output=all (a)-[e*1..5]->(b) project a',
      'GraphShortestPathsOperator',
    );
    assert.deepEqual(parameters(o), ['output=all']);
  });

  test('graph-to-table and graph-mark-components take their parameters', () => {
    const o = op('graph-to-table nodes as N with_node_id=id, edges as E', 'GraphToTableOperator');
    assert.deepEqual(
      o.outputs.map((x) => x.entity),
      ['nodes', 'edges'],
    );
    const marked = op(
      'graph-mark-components kind=weak with_component_id=c',
      'GraphMarkComponentsOperator',
    );
    assert.equal(marked.parameters.length, 2);
  });
});
