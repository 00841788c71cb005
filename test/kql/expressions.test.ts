import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STRING_OPERATOR_SPELLINGS } from './operator-spellings.js';
import { bracketed, expressionOf, printed, shape } from './kql-helpers.js';

describe('operator precedence', () => {
  const cases: [string, string][] = [
    ['a and b or c and d', '((a and b) or (c and d))'],
    ['a or b or c', '((a or b) or c)'],
    ['a < b == c', '((a < b) == c)'],
    ['a == b < c', '(a == (b < c))'],
    ['a < b == c < d', '((a < b) == (c < d))'],
    ['a + b == c', '((a + b) == c)'],
    ['a == b == c', '((a == b) == c)'],
    ['a - b - c', '((a - b) - c)'],
    ['a + b * c % d', '(a + ((b * c) % d))'],
    ['-a * b', '((-a) * b)'],
    ['a * -b + c', '((a * (-b)) + c)'],
    ['a + b has c', '(a + (b has c))'],
    ['a * b =~ c', '(a * (b =~ c))'],
    ['a has b + c', '((a has b) + c)'],
    ['a has b == c', '((a has b) == c)'],
    ['a =~ b =~ c', '((a =~ b) =~ c)'],
    ['a !has b * c', '((a !has b) * c)'],
    ['a + b in (1, 2)', '((a + b) in [1, 2])'],
    ['a == b in (1)', '((a == b) in [1])'],
    ['a + b between (1 .. 2)', '((a + b) between 1..2)'],
    ['a.b has c', '(a.b has c)'],
    ['x matches regex "a" and y', '((x matches regex "a") and y)'],
    ['not(a) and b', '(not(...) and b)'],
    ['(a or b) and c', '((a or b) and c)'],
  ];
  for (const [text, expected] of cases) {
    test(`${text} groups as ${expected}`, () => {
      assert.equal(bracketed(printed(text)), expected);
    });
  }
});

describe('comparison and string operators', () => {
  test('every spelling of a string operator parses to that operator', () => {
    for (const spelling of STRING_OPERATOR_SPELLINGS) {
      const e = printed(`a ${spelling} "x"`);
      assert.equal(e.kind, 'BinaryExpression', spelling);
      assert.equal(e.operator, spelling);
    }
  });

  test('the list operators take a parenthesised list', () => {
    for (const operator of ['in', '!in', 'in~', '!in~', 'has_any', 'has_all']) {
      const e = printed(`a ${operator} ("x", 'y', z)`);
      assert.equal(e.kind, 'InExpression', operator);
      assert.equal(e.operator, operator);
      assert.equal(e.items.length, 3);
    }
  });

  test('a list may hold a tabular sub-query', () => {
    const e = printed('a in (T | where b > 1 | project c)');
    assert.equal(e.kind, 'InExpression');
    assert.equal(e.items[0]?.kind, 'PipeExpression');
  });

  test('between and !between take a range', () => {
    const e = printed('t !between (datetime(2024-01-01) .. 1d)');
    assert.equal(e.kind, 'BetweenExpression');
    assert.equal(e.negated, true);
    assert.equal(e.low.kind, 'TypedLiteral');
    assert.equal(e.high.kind, 'TimespanLiteral');
  });
});

describe('primary and postfix expressions', () => {
  test('member access, bracketed members, indexes and $left/$right', () => {
    assert.equal(bracketed(printed('$left.a')), '$left.a');
    const e = printed("d.['x y'].z[0]['k']");
    assert.ok(e.kind === 'ElementAccess' && e.target.kind === 'ElementAccess');
    assert.deepEqual(shape(e.index), {
      kind: 'StringLiteral',
      value: 'k',
      text: "'k'",
      obfuscated: false,
    });
    assert.equal(bracketed(e.target.target), 'd.x y.z');
    const member = printed("d.['x y']");
    assert.ok(member.kind === 'MemberAccess' && member.member.kind === 'Name');
    assert.equal(member.member.text, 'x y');
  });

  test('calls take positional, named, star and tabular arguments', () => {
    const e = printed('f(a, b = 1, *, toscalar(T | count))');
    assert.ok(e.kind === 'FunctionCall');
    assert.deepEqual(
      e.arguments.map((a) => a.kind),
      ['NameReference', 'NamedExpression', 'StarExpression', 'FunctionCall'],
    );
  });

  test('cluster and database paths are member calls', () => {
    const e = printed("cluster('c').database('d').T");
    assert.ok(e.kind === 'MemberAccess' && e.target.kind === 'MemberAccess');
    assert.equal(e.target.member.kind, 'FunctionCall');
  });

  test('bracketed names are names', () => {
    assert.deepEqual(shape(printed(`["x y"]`)), { kind: 'NameReference', name: 'x y' });
  });

  test('adjacent string literals are one string', () => {
    const e = printed(`"a" 'b' @"c\\"`);
    assert.ok(e.kind === 'StringLiteral');
    assert.equal(e.value, 'abc\\');
    assert.equal(e.obfuscated, false);
    const secret = printed(`h"pass"`);
    assert.ok(secret.kind === 'StringLiteral' && secret.obfuscated);
  });

  test('numbers and timespans carry their values', () => {
    assert.deepEqual(shape(printed('0x1F')), {
      kind: 'NumberLiteral',
      text: '0x1F',
      type: 'long',
      value: 31,
    });
    assert.equal((printed('2.5e-3') as { type: string }).type, 'real');
    assert.equal((printed('1.5h') as { ticks: number }).ticks, 54_000_000_000);
    assert.equal((printed('100ms') as { ticks: number }).ticks, 1_000_000);
  });

  test('true and false in any case are booleans', () => {
    for (const text of ['true', 'True', 'FALSE']) {
      assert.equal(printed(text).kind, 'BooleanLiteral', text);
    }
  });
});

describe('typed and dynamic literals', () => {
  test('typed literals keep their text', () => {
    const cases: [string, string, string][] = [
      ['datetime(2024-01-01 10:00)', 'datetime', '2024-01-01 10:00'],
      ['datetime(null)', 'datetime', 'null'],
      ['timespan(1d)', 'timespan', '1d'],
      ['time(1.02:03:04)', 'time', '1.02:03:04'],
      [
        'guid(74be27de-1e4e-49d9-b579-fe0b331d3642)',
        'guid',
        '74be27de-1e4e-49d9-b579-fe0b331d3642',
      ],
      ['int(null)', 'int', 'null'],
      ['long(-3)', 'long', '-3'],
      ['real(nan)', 'real', 'nan'],
      ['real(+inf)', 'real', '+inf'],
      ['bool(true)', 'bool', 'true'],
      ['decimal(1.5)', 'decimal', '1.5'],
    ];
    for (const [text, type, raw] of cases) {
      assert.deepEqual(shape(printed(text)), { kind: 'TypedLiteral', type, text: raw }, text);
    }
  });

  test('dynamic literals hold nested JSON with typed literals inside', () => {
    const e = printed(
      'dynamic({"a": [1, -2.5, "x", null, true], "b": {"c": datetime(2020-01-01)}, \'d\': 1d})',
    );
    assert.ok(e.kind === 'DynamicLiteral' && e.value.kind === 'JsonObject');
    const [a, b, d] = e.value.properties;
    assert.deepEqual(a?.value.kind === 'JsonArray' && a.value.elements.map((x) => x.kind), [
      'NumberLiteral',
      'NumberLiteral',
      'StringLiteral',
      'NullLiteral',
      'BooleanLiteral',
    ]);
    assert.equal(b?.value.kind, 'JsonObject');
    assert.equal(d?.key.value, 'd');
    assert.equal(d?.value.kind, 'TimespanLiteral');
  });

  test('typeof takes a scalar type or a schema', () => {
    assert.deepEqual(shape(printed('typeof(string)')), {
      kind: 'TypeOfExpression',
      type: { kind: 'ScalarType', name: 'string' },
    });
    const schema = printed('typeof(*, x:long)');
    assert.ok(schema.kind === 'TypeOfExpression' && schema.type.kind === 'TabularType');
    assert.equal(schema.type.open, true);
  });
});

describe('tabular expressions as values', () => {
  test('a parenthesised pipe is a sub-query', () => {
    const e = expressionOf('(T | take 1) | count');
    assert.ok(e.kind === 'PipeExpression' && e.source.kind === 'ParenthesizedExpression');
    assert.equal(e.source.expression.kind, 'PipeExpression');
  });

  test('materialize and toscalar take tabular arguments', () => {
    const e = printed('toscalar(materialize(T | summarize max(x)))');
    assert.ok(e.kind === 'FunctionCall' && e.arguments[0]?.kind === 'FunctionCall');
    assert.equal(e.arguments[0].arguments[0]?.kind, 'PipeExpression');
  });
});
