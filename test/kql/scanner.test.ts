import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanKql } from '../../src/kql/scanner.js';
import { LineMap } from '../../src/kql/source-text.js';

function kinds(text: string): string[] {
  return scanKql(text).tokens.map((t) => t.kind);
}

function only(text: string) {
  const { tokens, diagnostics } = scanKql(text);
  assert.equal(tokens.length, 2, `one token in ${text}`);
  return { token: tokens[0]!, diagnostics };
}

function stringValue(text: string): string {
  const { token, diagnostics } = only(text);
  assert.equal(token.kind, 'String');
  assert.deepEqual(diagnostics, []);
  return token.value;
}

describe('scanning strings', () => {
  test('double and single quoted strings decode backslash escapes', () => {
    assert.equal(stringValue(String.raw`"a\"b\\c\nd\te"`), 'a"b\\c\nd\te');
    assert.equal(stringValue(String.raw`'it\'s'`), "it's");
    assert.equal(stringValue(String.raw`"\u00e9\x41\U0001F600"`), 'éA😀');
  });

  test('a verbatim string keeps backslashes and doubles its quote', () => {
    assert.equal(stringValue(String.raw`@"C:\Windows\System32"`), String.raw`C:\Windows\System32`);
    assert.equal(stringValue(`@'it''s'`), "it's");
    assert.equal(stringValue(`@"say ""hi"""`), 'say "hi"');
  });

  test('a verbatim string may end in a backslash', () => {
    assert.equal(stringValue('@"C:\\Tree\\"'), 'C:\\Tree\\');
    assert.deepEqual(kinds('x == @"C:\\Tree\\" | y'), [
      'Identifier',
      '==',
      'String',
      '|',
      'Identifier',
      'EndOfFile',
    ]);
  });

  test('multi-line strings run between triple backticks or tildes', () => {
    assert.equal(stringValue('```line 1\nline "2"\\n```'), 'line 1\nline "2"\\n');
    assert.equal(stringValue('~~~a\nb~~~'), 'a\nb');
  });

  test('obfuscated strings take an h or H before any string form', () => {
    for (const text of [`h"secret"`, `H'secret'`, `h@"secret"`, `H@'secret'`]) {
      const { token } = only(text);
      assert.equal(token.kind, 'String', text);
      assert.equal(token.value, 'secret');
      assert.equal(token.text, text);
    }
  });

  test('an unterminated string ends at the line break with a diagnostic', () => {
    const { tokens, diagnostics } = scanKql('x == "abc\n| take 1');
    assert.equal(tokens[2]?.kind, 'String');
    assert.equal(tokens[2]?.value, 'abc');
    assert.equal(tokens[3]?.kind, '|');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line, d.column]),
      [['KQL0001', 1, 6]],
    );
  });

  test('an invalid escape is reported where it stands', () => {
    const { diagnostics } = scanKql(String.raw`"a\qb"`);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.column, d.message]),
      [['KQL0003', 3, String.raw`invalid escape sequence '\q' in a string literal`]],
    );
  });

  test('an unterminated multi-line string is reported', () => {
    assert.deepEqual(
      scanKql('```abc').diagnostics.map((d) => d.code),
      ['KQL0002'],
    );
  });
});

describe('scanning numbers and timespans', () => {
  test('integers, longs, reals with exponents and hex numbers are numbers', () => {
    for (const text of ['42', '10L', '1.5', '1.', '1e10', '2.5E-3', '0x1F', '0XffL']) {
      const { token, diagnostics } = only(text);
      assert.equal(token.kind, 'Number', text);
      assert.deepEqual(diagnostics, [], text);
    }
  });

  test('a number with a time unit is a timespan', () => {
    const units = ['1d', '2h', '30m', '10s', '100ms', '5microsecond', '1tick', '1.5h', '3days'];
    for (const text of [...units, '2min', '7hr', '4seconds', '6nanoseconds', '1D']) {
      assert.equal(only(text).token.kind, 'Timespan', text);
    }
  });

  test('a range between numbers is not read as a decimal point', () => {
    assert.deepEqual(kinds('1..5'), ['Number', '..', 'Number', 'EndOfFile']);
  });

  test('digits followed by other letters make a name', () => {
    assert.equal(only('5Minutebin').token.kind, 'Identifier');
  });

  test('a real number with a letter suffix is reported', () => {
    assert.deepEqual(
      scanKql('1.5x').diagnostics.map((d) => d.code),
      ['KQL0005'],
    );
  });
});

describe('scanning names, typed literals, operators and comments', () => {
  test('$left and $right are names', () => {
    assert.deepEqual(kinds('$left.a == $right.b'), [
      'Identifier',
      '.',
      'Identifier',
      '==',
      'Identifier',
      '.',
      'Identifier',
      'EndOfFile',
    ]);
  });

  test('the contents of datetime(...) and kin are raw text up to the parenthesis', () => {
    const { tokens } = scanKql('datetime(2024-01-01 10:00:00.5Z)');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text]),
      [
        ['Identifier', 'datetime'],
        ['(', '('],
        ['RawText', '2024-01-01 10:00:00.5Z'],
        [')', ')'],
        ['EndOfFile', ''],
      ],
    );
    assert.equal(scanKql('guid(74be27de-1e4e-49d9-b579-fe0b331d3642)').tokens[2]?.kind, 'RawText');
    assert.equal(scanKql('time(1.02:03:04)').tokens[2]?.text, '1.02:03:04');
  });

  test('every operator and punctuation mark is its own token', () => {
    const text = '| == =~ != !~ <> < <= > >= + - * / % .. => : ; , . = ! ~ ( ) [ ] { }';
    assert.deepEqual(kinds(text).slice(0, -1), text.split(' '));
  });

  test('comments are trivia', () => {
    assert.deepEqual(kinds('T // a comment\n| take 1 // another'), [
      'Identifier',
      '|',
      'Identifier',
      'Number',
      'EndOfFile',
    ]);
  });

  test('a character that starts no token is reported and skipped', () => {
    const { tokens, diagnostics } = scanKql('a # b');
    assert.deepEqual(
      tokens.map((t) => t.kind),
      ['Identifier', 'Bad', 'Identifier', 'EndOfFile'],
    );
    assert.equal(diagnostics[0]?.message, "unexpected character '#'");
  });

  test('every token keeps its offsets, from which lines and columns follow', () => {
    const text = 'T\n| where x == "a"';
    const where = scanKql(text).tokens[2]!;
    assert.deepEqual([where.start, where.end, where.text], [4, 9, 'where']);
    assert.deepEqual(new LineMap(text).position(where.start), { line: 2, column: 3 });
  });
});
