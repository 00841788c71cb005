/**
 * The words KQL gives a meaning to. KQL's keywords are context-sensitive: most of them can
 * still name a column, so these tables say where a word acts as a keyword.
 */
import type { InOperator, StringOperator } from './syntax-expressions.js';

/** String operators spelled as one word, by spelling. */
export const WORD_OPERATORS: ReadonlyMap<string, StringOperator> = new Map(
  (
    [
      'contains',
      'contains_cs',
      'containscs',
      'notcontains',
      'notcontainscs',
      'has',
      'has_cs',
      'hasprefix',
      'hasprefix_cs',
      'hassuffix',
      'hassuffix_cs',
      'startswith',
      'startswith_cs',
      'endswith',
      'endswith_cs',
      'like',
      'notlike',
      'likecs',
      'notlikecs',
    ] as const
  ).map((word) => [word, word]),
);

/** String operators that have a `!` form (`!contains`), by the word after the `!`. */
export const NEGATED_WORD_OPERATORS: ReadonlyMap<string, StringOperator> = new Map(
  (
    [
      'contains',
      'contains_cs',
      'has',
      'has_cs',
      'hasprefix',
      'hasprefix_cs',
      'hassuffix',
      'hassuffix_cs',
      'startswith',
      'startswith_cs',
      'endswith',
      'endswith_cs',
    ] as const
  ).map((word) => [word, `!${word}`]),
);

/** The operators that take a parenthesised list, by their word. */
export const LIST_OPERATORS: ReadonlyMap<string, InOperator> = new Map([
  ['in', 'in'],
  ['has_any', 'has_any'],
  ['has_all', 'has_all'],
]);

/**
 * Words that join or qualify expressions and never start a statement: a new line starting
 * with `by` continues the query above, a new line starting with a table name does not.
 */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'by',
  'on',
  'with',
  'of',
  'asc',
  'desc',
  'nulls',
  'first',
  'last',
  'to',
  'between',
  'in',
  'has_any',
  'has_all',
  'matches',
  ...WORD_OPERATORS.keys(),
]);

/**
 * Words KQL does not accept as a bare name in an expression (`['where']` is fine): a bare
 * `by` where a value belongs is a mistake, and `T | project where` is an error in Kusto too.
 * Function-like ones (`materialize`, `toscalar`) are still calls when a `(` follows.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  ...[...CLAUSE_WORDS].filter((word) => !['on', 'with', 'nulls', 'matches'].includes(word)),
  'title',
  'where',
  'project',
  'union',
  'print',
  'find',
  'search',
  'datatable',
  'externaldata',
  'external_data',
  'set',
  'as',
  'invoke',
  'sample',
  'materialize',
  'toscalar',
  'isfuzzy',
  'bagexpansion',
  'with_itemindex',
  'others',
  'cycles',
  'dynamic',
  'datetime',
  'date',
  'time',
  'timespan',
  'string',
  'int',
  'long',
  'real',
  'double',
  'decimal',
]);

/** The operators that start a tabular expression, spelled as in queries. */
export const SOURCE_OPERATOR_WORDS: ReadonlySet<string> = new Set([
  'print',
  'range',
  'union',
  'find',
  'search',
  'evaluate',
  'datatable',
  'externaldata',
  'external_data',
  'inline_external_table',
  'macro-expand',
  'entity_group',
]);

/** The scalar type names, with their aliases. */
export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  'bool',
  'boolean',
  'datetime',
  'date',
  'decimal',
  'dynamic',
  'guid',
  'uniqueid',
  'int',
  'long',
  'real',
  'double',
  'string',
  'timespan',
  'time',
]);

/**
 * Function names the printer writes in brackets: before `(` these words mean something else
 * (`datetime(...)` is a literal, `print (x)` an operator).
 */
export const CALL_NAMES_TO_BRACKET: ReadonlySet<string> = new Set([
  ...CLAUSE_WORDS,
  ...[...SOURCE_OPERATOR_WORDS].filter((word) => word !== 'range'),
  ...SCALAR_TYPES,
  'typeof',
  'true',
  'false',
  'True',
  'False',
  'TRUE',
  'FALSE',
]);

/** Words the printer writes in brackets when they are names, so that they read back as names. */
export const WORDS_TO_BRACKET: ReadonlySet<string> = new Set([
  ...CLAUSE_WORDS,
  ...RESERVED_WORDS,
  ...SOURCE_OPERATOR_WORDS,
  ...SCALAR_TYPES,
  'let',
  'set',
  'declare',
  'alias',
  'restrict',
  'view',
  'typeof',
  'true',
  'false',
  'True',
  'False',
  'TRUE',
  'FALSE',
  'null',
  'not',
  'from',
  'to',
  'step',
  'default',
  'limit',
  'as',
  'where',
  'project',
]);
