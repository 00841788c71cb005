import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Statement } from '../../src/kql/syntax.js';
import { parseClean, shape } from './kql-helpers.js';

function statements(text: string): readonly Statement[] {
  return parseClean(text).statements;
}

function first<K extends Statement['kind']>(text: string, kind: K) {
  const statement = statements(text)[0];
  assert.equal(statement?.kind, kind, text);
  return statement as Extract<Statement, { kind: K }>;
}

describe('let statements', () => {
  test('let binds scalars and tabular expressions', () => {
    const list = statements('let n = 5; let T2 = T | where x > n; T2');
    assert.deepEqual(
      list.map((s) => s.kind),
      ['LetStatement', 'LetStatement', 'ExpressionStatement'],
    );
    const tabular = list[1];
    assert.ok(tabular?.kind === 'LetStatement');
    assert.equal(tabular.value.kind, 'PipeExpression');
  });

  test('let defines functions with scalar, tabular and defaulted parameters', () => {
    const s = first('let f = (T:(x:string), n:int = 5) { T | take n }; f(X, 3)', 'LetStatement');
    assert.ok(s.value.kind === 'FunctionDefinition');
    assert.deepEqual(
      s.value.parameters.map((p) => [p.type.kind, p.defaultValue?.kind ?? null]),
      [
        ['TabularType', null],
        ['ScalarType', 'NumberLiteral'],
      ],
    );
    assert.equal(s.value.body.statements.length, 1);
  });

  test('a function body may hold its own lets', () => {
    const s = first('let f = () { let y = 2; y * 3 }; print f()', 'LetStatement');
    assert.ok(s.value.kind === 'FunctionDefinition');
    assert.deepEqual(
      s.value.body.statements.map((b) => b.kind),
      ['LetStatement', 'ExpressionStatement'],
    );
  });

  test('a tabular parameter may be open with a star', () => {
    const s = first('let f = (T:(*)) { T }; f(X)', 'LetStatement');
    assert.ok(s.value.kind === 'FunctionDefinition');
    assert.deepEqual(shape(s.value.parameters[0]?.type), {
      kind: 'TabularType',
      columns: [],
      open: true,
    });
  });

  test('let defines views', () => {
    const s = first('let v = view () { T | where x }; v', 'LetStatement');
    assert.ok(s.value.kind === 'FunctionDefinition');
    assert.equal(s.value.isView, true);
  });

  test('a parenthesised value is an expression, not a function', () => {
    const s = first('let x = (1 + 2); print x', 'LetStatement');
    assert.equal(s.value.kind, 'ParenthesizedExpression');
  });
});

describe('other statements', () => {
  test('set takes an option with or without a value', () => {
    const list = statements('set notruncation; set query_now = datetime(2020-01-01); T');
    assert.deepEqual(
      list.slice(0, 2).map((s) => s.kind === 'SetStatement' && s.value?.kind),
      [undefined, 'TypedLiteral'],
    );
  });

  test('declare query_parameters declares typed parameters', () => {
    const s = first(
      'declare query_parameters(x:string = "a", y:int); T',
      'DeclareQueryParametersStatement',
    );
    assert.equal(s.parameters.length, 2);
  });

  test('alias database names a database', () => {
    const s = first('alias database db = cluster("c").database("d"); T', 'AliasStatement');
    assert.deepEqual(shape(s.name), { kind: 'Name', text: 'db' });
  });

  test('restrict access lists tables and patterns', () => {
    const s = first('restrict access to (T1, database("x").*, my*); T1', 'RestrictStatement');
    assert.deepEqual(
      s.entities.map((e) => e.kind),
      ['NameReference', 'MemberAccess', 'NamePattern'],
    );
  });

  test('declare pattern defines a pattern or only names it', () => {
    const full = first(
      'declare pattern app = (id:string)[k:string] ' +
        '{ ("a").["b"] = { T | take 1 }; ("c").["d"] = { print 1 }; }; app("a").b',
      'PatternStatement',
    );
    assert.deepEqual([full.definitions?.length, full.pathParameter?.kind], [2, 'Parameter']);
    const named = first('declare pattern p;\np("x")', 'PatternStatement');
    assert.equal(named.definitions, null);
  });

  test('statements may end with a semicolon and carry comments', () => {
    const list = statements('// leading\nlet x = 1; // trailing\nprint x;');
    assert.equal(list.length, 2);
  });

  test('an empty query has no statements', () => {
    assert.equal(statements('').length, 0);
    assert.equal(statements('  // nothing\n').length, 0);
  });
});
