/**
 * FNV-1a, 32 bits, over a string's UTF-16 code units: a small, stable hash (the same on every
 * machine and run) for spreading keys over partitions and deriving per-item constants. Not a
 * cryptographic hash.
 */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
