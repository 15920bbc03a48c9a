/**
 * The answer clock (DESIGN §2, "Listen-in"): every chase still open past its due date is escalated
 * to the CCO team once, ever — not once a day — however often the daily job runs, on whichever
 * day, and however many runs overlap. The escalation (marked on the chase, audited) and its
 * `Chase Overdue` event are written in one transaction, conditional on the chase being open and
 * never escalated, so of two runs at once one sends it. The overdue chases are one key range of the
 * open-chase items (sorted by due date), never a scan of chases.
 */
import { escalate, needsEscalation } from "#core/chase";
import type { StoredChase } from "#schemas/chase";
import { readChase, readChases, readOverdueOpenChases, writeEscalation } from "#store/chase-store";
import type { OutboxEvent } from "#store/outbox-store";
import { relayOutboxSoon } from "./relay-outbox";

export interface ChaseEscalationReport {
  /** Open chases past their due date. */
  overdue: number;
  /** Escalated by this run. */
  escalated: number;
  /** Escalated before (by an earlier or a concurrent run), or answered meanwhile. */
  alreadyEscalated: number;
}

const CONCURRENCY = 8;
/** A lost race is re-read and tried again: it only repeats if the chase changed again meanwhile. */
const ATTEMPTS = 3;

const overdueEvent = (chase: StoredChase, at: string): OutboxEvent => ({
  // One id per chase, ever: consumers drop a repeat publication.
  eventId: `${chase.id}:overdue`,
  createdAt: at,
  detailType: "Chase Overdue",
  detail: {
    chaseId: chase.id,
    signalId: chase.signalId,
    productLineId: chase.productLineId,
    businessUnitId: chase.businessUnitId,
    dueAt: chase.dueAt,
    raisedAt: chase.raisedAt,
  },
});

/** Escalates one chase: true when this run did, false when it needed none (any more). */
const escalateOne = async (first: StoredChase, now: Date): Promise<boolean> => {
  let chase: StoredChase | undefined = first;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!chase || !needsEscalation(chase, now)) return false;
    const escalated = escalate(chase, now);
    if (await writeEscalation(escalated, chase.version, overdueEvent(escalated, now.toISOString())))
      return true;
    chase = await readChase(chase.id);
  }
  throw new Error(`Chase ${first.id} kept changing while it was being escalated`);
};

export const escalateOverdueChases = async (now = new Date()): Promise<ChaseEscalationReport> => {
  const open = await readOverdueOpenChases(now);
  const pending = open.filter((o) => o.escalatedAt === undefined);
  const chases = await readChases(pending.map((o) => o.chaseId));
  const report: ChaseEscalationReport = {
    overdue: open.length,
    escalated: 0,
    alreadyEscalated: open.length - pending.length,
  };
  let next = 0;
  const worker = async () => {
    while (next < chases.length) {
      const chase = chases[next++];
      if (!chase) continue;
      if (await escalateOne(chase, now)) report.escalated++;
      else report.alreadyEscalated++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, chases.length) }, worker));
  if (report.escalated > 0) await relayOutboxSoon();
  return report;
};
