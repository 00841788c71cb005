/**
 * How many terminal columns text takes. CJK ideographs, Hangul, fullwidth forms and emoji take
 * two; combining marks, joiners and variation selectors take none; everything else one. Text is
 * measured by grapheme cluster, so a flag or a family emoji counts once.
 */

/** Code point ranges a terminal draws two columns wide (East Asian Wide and Fullwidth). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Printable ASCII only: one column per character, no segmenting needed. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Graphemes shown as emoji: default emoji presentation, or a pictograph asked to be one. */
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

/** Code points that take no column of their own. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The columns `text` takes in a terminal.
 *
 * @example displayWidth('日本') // 4
 */
export function displayWidth(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;

  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment);
  return width;
}

/**
 * `text` cut to at most `width` columns, ending in `…` when anything was cut. A wide character
 * that would straddle the limit is left out, so the result can be a column short.
 *
 * @example truncateToWidth('abcdef', 4) // 'abc…'
 */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';

  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const next = graphemeWidth(segment);
    if (used + next > width - 1) break;
    kept += segment;
    used += next;
  }
  return `${kept}…`;
}

/** `text` followed by spaces up to `width` columns. */
export function padEndToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `text` preceded by spaces up to `width` columns. */
export function padStartToWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** The columns one grapheme cluster takes. */
function graphemeWidth(grapheme: string): number {
  if (EMOJI.test(grapheme)) return 2;
  if (ZERO_WIDTH.test(grapheme)) return 0;

  const codePoint = grapheme.codePointAt(0) ?? 0;
  return isWide(codePoint) ? 2 : 1;
}

/** True when a terminal draws `codePoint` two columns wide. */
function isWide(codePoint: number): boolean {
  return WIDE_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
}
