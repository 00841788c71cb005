/**
 * Expressions of the KQL syntax tree. Scalar and tabular expressions share one union: whether
 * `T` names a table or a column is for the binder to decide, and tabular expressions appear as
 * arguments (`toscalar(T | count)`) and in lists (`x in (T | project y)`).
 */
import type { NameNode, NodeBase, TypeNode } from './syntax.js';
import type { QueryOperator } from './syntax-operators.js';
import type {
  DataTableOperator,
  EvaluateOperator,
  ExternalDataOperator,
  FindOperator,
  InlineExternalTableOperator,
  MacroExpandOperator,
  PrintOperator,
  RangeOperator,
  SearchOperator,
  UnionOperator,
} from './syntax-sources.js';

/** Any expression. */
export type Expression =
  | NameReference
  | NamePattern
  | StarExpression
  | StringLiteral
  | NumberLiteral
  | TimespanLiteral
  | BooleanLiteral
  | TypedLiteral
  | DynamicLiteral
  | BinaryExpression
  | InExpression
  | BetweenExpression
  | UnaryExpression
  | ParenthesizedExpression
  | FunctionCall
  | MemberAccess
  | ElementAccess
  | TypeOfExpression
  | EntityGroup
  | PipeExpression
  | SourceOperator
  | MissingExpression;

/** The query operators that start a tabular expression rather than follow a `|`. */
export type SourceOperator =
  | PrintOperator
  | RangeOperator
  | UnionOperator
  | FindOperator
  | SearchOperator
  | EvaluateOperator
  | DataTableOperator
  | ExternalDataOperator
  | InlineExternalTableOperator
  | MacroExpandOperator;

/** An entry of an expression list that may name its result: `x`, `n = count()`. */
export type ItemExpression = Expression | NamedExpression;

/** A reference to a column, table, variable or function by name. */
export interface NameReference extends NodeBase {
  readonly kind: 'NameReference';
  /** The name without brackets or quotes: `x y` for `['x y']`, `$left` for `$left`. */
  readonly name: string;
}

/** A name with `*` wildcards, where lists of tables or columns allow them: `Sec*`, `*Id`. */
export interface NamePattern extends NodeBase {
  readonly kind: 'NamePattern';
  readonly pattern: string;
}

/** `*` where it stands for every column or table: `arg_max(t, *)`, `search * has "x"`. */
export interface StarExpression extends NodeBase {
  readonly kind: 'StarExpression';
}

/** A string literal; adjacent literals (`"a" 'b'`) are one literal. */
export interface StringLiteral extends NodeBase {
  readonly kind: 'StringLiteral';
  /** The decoded value. */
  readonly value: string;
  /** The source form: each part as written, joined by one space. */
  readonly text: string;
  /** True when a part was written `h"..."`: its value must be kept out of logs. */
  readonly obfuscated: boolean;
}

/** An integer or real number literal. */
export interface NumberLiteral extends NodeBase {
  readonly kind: 'NumberLiteral';
  /** As written, including a leading sign inside `dynamic(...)`. */
  readonly text: string;
  /** `long` for integers (decimal or hex), `real` for the rest. */
  readonly type: 'long' | 'real';
  /** The value as a JavaScript number (integers beyond 2^53 lose precision: see `text`). */
  readonly value: number;
}

/** A timespan written as a number and a unit: `1d`, `1.5h`, `100ms`, `1tick`. */
export interface TimespanLiteral extends NodeBase {
  readonly kind: 'TimespanLiteral';
  readonly text: string;
  /** The length in ticks of 100 nanoseconds. */
  readonly ticks: number;
}

/** `true` or `false`, in any letter case. */
export interface BooleanLiteral extends NodeBase {
  readonly kind: 'BooleanLiteral';
  readonly value: boolean;
}

/** `null` inside `dynamic(...)`. */
export interface NullLiteral extends NodeBase {
  readonly kind: 'NullLiteral';
}

/**
 * A literal of a named type: `datetime(2024-01-01 10:00)`, `timespan(1d)`, `guid(...)`,
 * `int(null)`, `real(nan)`, `bool(true)`, `decimal(1.5)`, `long(-3)`.
 */
export interface TypedLiteral extends NodeBase {
  readonly kind: 'TypedLiteral';
  /** The type word as written, lower case: `datetime`, `int`, `real`... */
  readonly type: string;
  /** The text between the parentheses, trimmed; `null` for `int(null)`. */
  readonly text: string;
}

/** `dynamic(...)` with a JSON-like value. */
export interface DynamicLiteral extends NodeBase {
  readonly kind: 'DynamicLiteral';
  readonly value: JsonValue;
}

/** A value inside `dynamic(...)`. */
export type JsonValue =
  | JsonObject
  | JsonArray
  | StringLiteral
  | NumberLiteral
  | TimespanLiteral
  | BooleanLiteral
  | NullLiteral
  | TypedLiteral
  | DynamicLiteral
  | MissingExpression;

/** `{"key": value, ...}` inside `dynamic(...)`. */
export interface JsonObject extends NodeBase {
  readonly kind: 'JsonObject';
  readonly properties: readonly JsonProperty[];
}

/** One `"key": value` of a {@link JsonObject}. */
export interface JsonProperty extends NodeBase {
  readonly kind: 'JsonProperty';
  readonly key: StringLiteral;
  readonly value: JsonValue;
}

/** `[value, ...]` inside `dynamic(...)`. */
export interface JsonArray extends NodeBase {
  readonly kind: 'JsonArray';
  readonly elements: readonly JsonValue[];
}

/** The binary operators, spelled as in KQL (`!` forms included, `:` only in `search`). */
export type BinaryOperator =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '<>'
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | ':'
  | StringOperator;

/** The string operators, each with its negated and case-sensitive forms. */
export type StringOperator =
  | 'contains'
  | '!contains'
  | 'contains_cs'
  | '!contains_cs'
  | 'containscs'
  | 'notcontains'
  | 'notcontainscs'
  | 'has'
  | '!has'
  | 'has_cs'
  | '!has_cs'
  | 'hasprefix'
  | '!hasprefix'
  | 'hasprefix_cs'
  | '!hasprefix_cs'
  | 'hassuffix'
  | '!hassuffix'
  | 'hassuffix_cs'
  | '!hassuffix_cs'
  | 'startswith'
  | '!startswith'
  | 'startswith_cs'
  | '!startswith_cs'
  | 'endswith'
  | '!endswith'
  | 'endswith_cs'
  | '!endswith_cs'
  | 'like'
  | 'notlike'
  | 'likecs'
  | 'notlikecs'
  | 'matches regex';

/** `left op right`. */
export interface BinaryExpression extends NodeBase {
  readonly kind: 'BinaryExpression';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** The operators that take a parenthesised list on the right. */
export type InOperator = 'in' | '!in' | 'in~' | '!in~' | 'has_any' | 'has_all';

/** `x in (a, b)`, `x has_any (list)`, `x !in~ (T | project y)`. */
export interface InExpression extends NodeBase {
  readonly kind: 'InExpression';
  readonly operator: InOperator;
  readonly left: Expression;
  readonly items: readonly Expression[];
}

/** `x between (low .. high)` or `x !between (low .. high)`. */
export interface BetweenExpression extends NodeBase {
  readonly kind: 'BetweenExpression';
  readonly negated: boolean;
  readonly left: Expression;
  readonly low: Expression;
  readonly high: Expression;
}

/** `-x` or `+x`. */
export interface UnaryExpression extends NodeBase {
  readonly kind: 'UnaryExpression';
  readonly operator: '-' | '+';
  readonly operand: Expression;
}

/** `(expression)`, kept so that the tree prints back as written. */
export interface ParenthesizedExpression extends NodeBase {
  readonly kind: 'ParenthesizedExpression';
  readonly expression: Expression;
}

/** `name(arguments)`: functions, aggregates, `not(...)`, `materialize(...)`, plugins. */
export interface FunctionCall extends NodeBase {
  readonly kind: 'FunctionCall';
  readonly name: NameNode;
  readonly arguments: readonly ItemExpression[];
}

/** `target.member`: `d.key`, `$left.x`, `database('d').T`, `cluster('c').database('d')`. */
export interface MemberAccess extends NodeBase {
  readonly kind: 'MemberAccess';
  readonly target: Expression;
  readonly member: NameNode | NamePattern | FunctionCall;
}

/** `target[index]`: `a[0]`, `d['key']`, `a[-1]`. */
export interface ElementAccess extends NodeBase {
  readonly kind: 'ElementAccess';
  readonly target: Expression;
  readonly index: Expression;
}

/** `name = expression` or `(a, b) = expression` in a list that names its results. */
export interface NamedExpression extends NodeBase {
  readonly kind: 'NamedExpression';
  /** One name, or several for a function that returns several values. */
  readonly names: readonly NameNode[];
  readonly expression: Expression;
}

/** `typeof(string)` or `typeof(*, x:long)`: a type as a value, as plugins take them. */
export interface TypeOfExpression extends NodeBase {
  readonly kind: 'TypeOfExpression';
  readonly type: TypeNode;
}

/** `entity_group [database('a'), cluster('c').database('b')]`, for `macro-expand`. */
export interface EntityGroup extends NodeBase {
  readonly kind: 'EntityGroup';
  readonly entities: readonly Expression[];
}

/** `source | op | op ...`: a tabular source and the operators applied to it, in order. */
export interface PipeExpression extends NodeBase {
  readonly kind: 'PipeExpression';
  readonly source: Expression;
  readonly operators: readonly QueryOperator[];
}

/** An expression the parser expected and did not find; a diagnostic says so. */
export interface MissingExpression extends NodeBase {
  readonly kind: 'MissingExpression';
}
