/**
 * Listen-in's stream: many sources ordered newest first (a line's class ranges of the voice index,
 * and a unit's lines), merged into one newest-first page. Sources are read in rounds, all at once
 * within a round: first a short slice of each, then, while a source may still hold something newer
 * than the page's oldest item so far, the next slice of just those sources — each no longer than
 * what it could still add to the page. So a page of `limit` voices reads about `limit` items plus a
 * couple per source, in a few round trips, never every voice of a line or unit.
 *
 * Positions are `<occurredAt UTC ISO>#<signalId>`: fixed-width instants and unique ids make them a
 * total order as plain strings, so a page ends at one position and the next starts strictly below it.
 * Voices that arrive later with newer times sort above that position and never shift a page; a late
 * voice with an older time appears in a later page at its place.
 */

/** One slice of a source: items newest first, and whether the source has more after them. */
export interface Slice<T> {
  items: T[];
  more: boolean;
}

/** Reads the next slice of one source: at most `limit` items, continuing where its last slice ended. */
export type SliceReader<T> = (limit: number) => Promise<Slice<T>>;

export interface MergedPage<T> {
  /** At most `limit` items, newest first. */
  items: T[];
  /** Whether anything older remains in any source. */
  more: boolean;
  /** Items read from the sources (for the bench and tests: O(limit + sources)). */
  read: number;
}

interface SourceState<T> {
  read: SliceReader<T>;
  items: T[];
  /** The position of the last item read: whatever the source still holds is older. */
  frontier?: string;
  done: boolean;
  size: number;
}

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/**
 * The newest `limit` items of all sources, by `positionOf` descending. Every source must yield its
 * items newest first by the same position.
 */
export async function mergeNewestFirst<T>(
  readers: readonly SliceReader<T>[],
  positionOf: (item: T) => string,
  limit: number,
): Promise<MergedPage<T>> {
  // One more than the page, so "more" is known without a read that finds nothing.
  const want = limit + 1;
  const first = Math.max(2, Math.ceil(want / Math.max(1, readers.length)) + 1);
  const sources: SourceState<T>[] = readers.map((read) => ({ read, items: [], done: false, size: first }));
  let read = 0;
  let positions: string[] = [];
  let pending = sources;
  while (pending.length > 0) {
    await Promise.all(
      pending.map(async (source) => {
        const slice = await source.read(source.size);
        read += slice.items.length;
        source.items.push(...slice.items);
        const last = slice.items[slice.items.length - 1];
        if (last !== undefined) source.frontier = positionOf(last);
        source.done = !slice.more;
      }),
    );
    positions = sources.flatMap((s) => s.items.map(positionOf)).sort(newestFirst);
    // The oldest position the page (and the one item past it) can reach with what is read so far.
    const threshold = positions.length >= want ? positions[want - 1] : undefined;
    pending = sources.filter(
      (s) => !s.done && (threshold === undefined || s.frontier === undefined || s.frontier > threshold),
    );
    for (const source of pending) {
      // Items already read above this source's frontier are newer than anything it still holds.
      const above =
        source.frontier === undefined ? 0 : positions.filter((p) => p > (source.frontier as string)).length;
      source.size = Math.max(2, Math.min(2 * source.size, want - above));
    }
  }
  const merged = sources
    .flatMap((s) => s.items)
    .map((item) => ({ item, position: positionOf(item) }))
    .sort((a, b) => newestFirst(a.position, b.position));
  return { items: merged.slice(0, limit).map((m) => m.item), more: merged.length > limit, read };
}
