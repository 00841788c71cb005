/**
 * The demo's only source of chance: a small seeded generator (mulberry32), so that the same seed
 * always produces the same estate, byte for byte. Nothing in `src/demo` may use `Math.random`.
 */
import { InternalError } from '../errors.js';

/** A seeded pseudo-random generator with the helpers the demo needs. */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * A generator of its own for one part of the demo, derived from this generator's seed and a
   * label. It does not depend on how much this generator was used, so adding draws in one part
   * leaves every other part unchanged.
   *
   * @example rng.fork('host:WS03').int(1, 6)
   */
  fork(label: string): Rng {
    return new Rng(mix(this.seed ^ hashLabel(label)));
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of `items`, each equally likely. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new InternalError('pick from an empty list');
    return item;
  }

  /** One of the entries' values, each as likely as its weight says. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new InternalError('weighted pick from an empty list');
    return last[0];
  }

  /**
   * An integer near `mean`, at most `spread` away, more often close than far (the sum of three
   * uniform draws, which keeps to plain arithmetic and so to identical results everywhere).
   */
  around(mean: number, spread: number): number {
    const bell = (this.next() + this.next() + this.next() - 1.5) / 1.5;
    return Math.round(mean + spread * bell);
  }

  /**
   * How many times something with an average of `mean` happens in one interval: never or once
   * for rare things, and within half the mean either way for common ones.
   */
  count(mean: number): number {
    if (mean < 1) return this.chance(mean) ? 1 : 0;
    return this.around(mean, mean * 0.5);
  }

  /** `digits` lowercase hexadecimal digits. */
  hex(digits: number): string {
    let text = '';
    while (text.length < digits) {
      text += Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    }
    return text.slice(0, digits);
  }

  /** A random GUID in braces, lowercase, as Windows writes them in event data. */
  guid(): string {
    const head = `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}`;
    const variant = this.pick(['8', '9', 'a', 'b']);
    return `{${head}-${variant}${this.hex(3)}-${this.hex(12)}}`;
  }
}

/** FNV-1a over the UTF-16 code units of a label. */
export function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Spreads the bits of a 32-bit value so that close seeds give unrelated streams. */
function mix(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
