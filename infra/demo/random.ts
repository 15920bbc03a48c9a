/** Seedable random numbers and weighted picks for the demo data (deterministic for a seed). */

import { fnv1a32 } from "#core/hash";

export type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash (FNV-1a), to derive per-line constants that do not depend on the seed. */
export const hash32 = fnv1a32;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Picks an index of `weights` with probability proportional to its weight. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Relative weights by key; the order of the keys matters for a given seed. */
export type Weights<K extends string> = Partial<Record<K, number>>;

/** Picks a key of `weights` with probability proportional to its weight. */
export function weighted<K extends string>(rng: Rng, weights: Weights<K>): K {
  const entries = Object.entries(weights) as [K, number][];
  const entry =
    entries[
      weightedIndex(
        rng,
        entries.map(([, w]) => w),
      )
    ];
  if (entry === undefined) throw new Error("weighted pick from an empty table");
  return entry[0];
}

/** `n` random decimal digits. */
export function digits(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 10);
  return s;
}
