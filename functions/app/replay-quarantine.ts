/**
 * Moves quarantined signals whose product line is now in the catalog through normal counting,
 * exactly once: the replay write is conditional on the signal still being quarantined. Ids named
 * in the request that are not in the quarantine are listed in the answer. Each page then gets the
 * ingest's Andon check, as a fresh ingest would.
 */

import { dayOf } from "#core/period";
import type { QuarantinedSignal, ReplayResult } from "#schemas/quarantine";
import type { StoredSignal } from "#schemas/signal";
import type { Item } from "#store/attributes";
import { findProductLines } from "#store/catalog-store";
import { currentPolicy } from "#store/policy-store";
import { findQuarantined, readQuarantinePage } from "#store/quarantine-store";
import { writeSignals } from "#store/signal-store";
import { checkAndons } from "./raise-andons";

const PAGE = 500;

export const replayQuarantine = async (
  signalIds?: readonly string[],
  now = new Date(),
): Promise<ReplayResult> => {
  const policy = await currentPolicy();
  const result: ReplayResult = { replayed: 0, stillUnknown: 0 };

  const replayPage = async (candidates: QuarantinedSignal[]) => {
    const lines = await findProductLines(candidates.map((q) => q.productLineId));
    const ready: StoredSignal[] = [];
    for (const { quarantinedAt: _q, ...signal } of candidates) {
      if (!lines.has(signal.productLineId)) result.stillUnknown++;
      // The day is recomputed in the current policy zone, as a fresh ingest would.
      else ready.push({ ...signal, day: dayOf(signal.occurredAt, policy.timeZone) });
    }
    const outcome = await writeSignals(ready, "replay", policy.retentionDays);
    result.replayed += outcome.written.length;
    // All the page's, those a concurrent replay took first included (its check may not have run yet).
    await checkAndons(ready, new Map([...lines].map(([id, line]) => [id, line.businessUnitId])), policy, now);
  };

  if (signalIds) {
    const unique = [...new Set(signalIds)];
    const notQuarantined: string[] = [];
    for (let i = 0; i < unique.length; i += PAGE) {
      const named = unique.slice(i, i + PAGE);
      const found = await findQuarantined(named);
      const quarantined = new Set(found.map((q) => q.signalId));
      notQuarantined.push(...named.filter((id) => !quarantined.has(id)));
      await replayPage(found);
    }
    // Named ids that are not there are said so, rather than answered like a no-op.
    return notQuarantined.length > 0 ? { ...result, notQuarantined } : result;
  }
  let start: Item | undefined;
  do {
    const page = await readQuarantinePage(PAGE, start);
    await replayPage(page.items);
    start = page.next;
  } while (start);
  return result;
};
