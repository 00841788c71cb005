import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIAGNOSTICS, formatDiagnostic } from '../../src/kql/diagnostics.js';
import { parseKql } from '../../src/kql/parser.js';
import type { Expression } from '../../src/kql/syntax.js';
import { SAMPLE_QUERIES } from './sample-queries.js';

function located(text: string): string[] {
  return parseKql(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
}

function pipeOf(text: string): Extract<Expression, { kind: 'PipeExpression' }> {
  const statement = parseKql(text).tree.statements[0];
  assert.ok(statement?.kind === 'ExpressionStatement');
  assert.equal(statement.expression.kind, 'PipeExpression');
  return statement.expression as Extract<Expression, { kind: 'PipeExpression' }>;
}

describe('recovering from errors', () => {
  const threeErrors = [
    'SecurityEvent',
    '| where EventID == 4688 and',
    '| extend Image = "wmic.exe',
    '| frobnicate Image',
    '| take 10',
  ].join('\n');

  test('a query with three independent errors reports all three where they are', () => {
    assert.deepEqual(located(threeErrors), [
      "2:28 KQL1001 expected an expression after 'and', found '|'",
      '3:18 KQL0001 unterminated string literal: expected a closing " before the end of the line',
      "4:3 KQL1004 unknown query operator 'frobnicate' after '|'",
    ]);
  });

  test('the broken query still yields every step, with placeholders', () => {
    const pipe = pipeOf(threeErrors);
    assert.deepEqual(
      pipe.operators.map((o) => o.kind),
      ['WhereOperator', 'ExtendOperator', 'MissingOperator', 'TakeOperator'],
    );
    const where = pipe.operators[0];
    assert.ok(where?.kind === 'WhereOperator' && where.predicate.kind === 'BinaryExpression');
    assert.equal(where.predicate.right.kind, 'MissingExpression');
  });

  test('parsing resumes at the next pipe after junk', () => {
    assert.deepEqual(located('T | where a == 1 b c | take 5 6'), [
      "1:18 KQL1005 expected '|' or the end of the query after the where operator, found 'b'",
      "1:31 KQL1005 expected '|' or the end of the query after the take operator, found '6'",
    ]);
  });

  test('parsing resumes at a closing parenthesis', () => {
    const pipe = pipeOf('T | join (T2 | where a b) on x');
    const join = pipe.operators[0];
    assert.ok(join?.kind === 'JoinOperator');
    assert.equal(join.conditions.length, 1);
    assert.equal(parseKql('T | join (T2 | where a b) on x').diagnostics.length, 1);
  });

  test('parsing resumes at the next statement', () => {
    const { tree, diagnostics } = parseKql('let x = ; let y = 2; print y');
    assert.deepEqual(
      tree.statements.map((s) => s.kind),
      ['LetStatement', 'LetStatement', 'ExpressionStatement'],
    );
    assert.equal(diagnostics.length, 1);
  });

  test('queries run together without a semicolon are reported and each is parsed', () => {
    const { tree, diagnostics } = parseKql('T1\n| take 1\n\nT2\n| where x ==\n| count');
    assert.equal(tree.statements.length, 2);
    assert.deepEqual(
      diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
      ['2:9 KQL1010', '5:13 KQL1001'],
    );
  });

  test('missing names, types and operators become placeholders', () => {
    const { tree, diagnostics } = parseKql('let = datatable(a:) [1]; T | ');
    const [let_, query] = tree.statements;
    assert.ok(let_?.kind === 'LetStatement' && let_.value.kind === 'DataTableOperator');
    assert.equal(let_.name.kind, 'MissingName');
    assert.equal(let_.value.schema[0]?.type.kind, 'MissingType');
    assert.ok(query?.kind === 'ExpressionStatement' && query.expression.kind === 'PipeExpression');
    assert.equal(query.expression.operators[0]?.kind, 'MissingOperator');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['KQL1002', 'KQL1006', 'KQL1003'],
    );
  });

  test('messages say what was expected and what was found', () => {
    assert.deepEqual(located('T | sort x'), ["1:10 KQL1003 expected 'by' after 'sort', found 'x'"]);
    assert.deepEqual(located('T | where x in ("a"'), [
      "1:20 KQL1003 expected ')' to end the list after '\"a\"', found the end of the query",
    ]);
    assert.deepEqual(located('T | print x'), [
      "1:5 KQL1009 the print operator starts a query and cannot follow '|'",
    ]);
    assert.match(
      located('T | join kind=sideways T2 on a')[0] ?? '',
      /^1:15 KQL1008 'sideways' is not a valid value for 'kind': expected one of innerunique, /,
    );
  });

  test('a missing piece at the end of a line is placed right after the last token', () => {
    assert.deepEqual(located('T\n| where a >\n| take 1'), [
      "2:12 KQL1001 expected an expression after '>', found '|'",
    ]);
  });
});

describe('never throwing', () => {
  test('every prefix and every one-token cut of a query parses without throwing', () => {
    const query = [
      'let f = (T:(x:string), n:int = 5) { T | take n };',
      'union withsource=S (T1 | where a has_any ("x", @"C:\\")), T2*',
      '| summarize n = count(), make_set(b) by bin(t, 1h)',
      '| join kind=inner (datatable(a:int) [1, 2]) on $left.a == $right.b',
      '| mv-apply x to typeof(long) on (top 1 by x)',
      '| parse c with * "=" v:long | graph-match (a)-[e*1..3]->(b) project a',
      '| render timechart with (title = "x")',
    ].join('\n');
    for (let end = 0; end <= query.length; end++) parseKql(query.slice(0, end));
    const words = query.split(/\b/);
    for (let i = 0; i < words.length; i++) {
      const cut = [...words.slice(0, i), ...words.slice(i + 1)].join('');
      const { diagnostics } = parseKql(cut);
      for (const d of diagnostics) assert.ok(d.line >= 1 && d.column >= 1);
    }
  });

  test('mangled sample queries parse without throwing or stalling', () => {
    const junk = ['(', ')', ']', '}', '|', ';', ',', '"', '@"', '```', 'by', '==', '..', '~', '\n'];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (const query of SAMPLE_QUERIES) {
      for (let round = 0; round < 40; round++) {
        const at = next(query.length);
        const cut = at + next(6);
        const mangled = query.slice(0, at) + (junk[next(junk.length)] ?? '') + query.slice(cut);
        const { tree, diagnostics } = parseKql(mangled);
        assert.equal(tree.kind, 'Query');
        for (const d of diagnostics) assert.ok(d.span.start <= d.span.end && d.line >= 1);
      }
    }
  });

  test('a stray character inside a function body does not stall the parser', () => {
    const { tree, diagnostics } = parseKql(
      'let f = (d:datetime) { (d -~ x) / 1s }; print f(now())',
    );
    assert.equal(tree.statements.length, 2);
    assert.ok(diagnostics.length > 0);
  });

  test('deeply nested input yields a diagnostic, not a crash', () => {
    const { diagnostics } = parseKql(`print ${'('.repeat(50_000)}1`);
    assert.ok(diagnostics.length > 0);
  });
});

describe('diagnostics', () => {
  test('a diagnostic renders with its file, position, code, source line and caret', () => {
    const [d] = parseKql('T\n| where\tx ==\n| take 1', { file: 'hunt.kql' }).diagnostics;
    assert.ok(d);
    assert.equal(d.file, 'hunt.kql');
    assert.equal(
      formatDiagnostic(d),
      [
        "hunt.kql:2:13: error KQL1001: expected an expression after '==', found '|'",
        '| where\tx ==',
        '       \t    ^',
      ].join('\n'),
    );
    assert.match(formatDiagnostic(d, 'other.kql'), /^other\.kql:2:13: /);
  });

  test('a caret spans the offending token', () => {
    const [d] = parseKql('T | frobnicate').diagnostics;
    assert.ok(d);
    assert.equal(formatDiagnostic(d).split('\n')[2], `    ^${'~'.repeat(9)}`);
  });

  test('every diagnostic has its own stable code', () => {
    const codes = Object.values(DIAGNOSTICS).map((entry) => entry.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, /^KQL\d{4}$/);
  });
});
