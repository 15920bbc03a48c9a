/**
 * `POST /v1/andons/{id}/actions`: the CCO team confirms or dismisses a raised Andon, once, on the
 * version they saw. A dismissal needs a reason. A confirmation issues a notice with the normal
 * lifecycle, outside the quarterly review (source `andon`, its evidence the day's figures and
 * complaints, the quarter the one containing the day) and pulls the line — unless the line already
 * has an open notice: a line never has two, so the Andon is recorded on that one instead, as a
 * review records a later flag. Either way the decision, the removal of the line's mark and what it
 * issues or records are one transaction conditional on the Andon being undecided at that version,
 * so confirming twice, even at once, issues one notice.
 */
import { andonNotice, decide, type NoticeRecord, recordAndonOnNotice } from "#core/andon";
import { type Principal, requireAllowed } from "#core/authorize";
import { ConflictError, NotFoundError } from "#core/errors";
import { quarterOf } from "#core/period";
import { pooledRate, reviewBar } from "#core/review-rules";
import type { Andon, AndonActionRequest } from "#schemas/andon";
import type { Policy } from "#schemas/policy";
import { readAndon, writeConfirmation, writeDismissal, writeLink } from "#store/andon-store";
import { readNotice, readPulledLine } from "#store/notice-store";
import type { OutboxEvent } from "#store/outbox-store";
import { currentPolicy } from "#store/policy-store";
import { readDailyRollups } from "#store/rollup-store";
import { periodFigures } from "./period-figures";
import { relayOutboxSoon } from "./relay-outbox";

/**
 * Tries when what a decision depends on changes under it: the line's open notice (opened, closed,
 * acted on), or a concurrent decision's transaction in flight (the next read tells who won).
 */
const ATTEMPTS = 5;

const changed = () =>
  new ConflictError("The Andon changed while you decided it (someone decided it first); reload it");

const noticeEvents = (notice: NoticeRecord): OutboxEvent[] => {
  const ref = {
    noticeId: notice.id,
    productLineId: notice.productLineId,
    businessUnitId: notice.businessUnitId,
  };
  return [
    {
      eventId: `${notice.id}:issued`,
      createdAt: notice.issuedAt,
      detailType: "Notice Issued",
      detail: { ...ref, quarter: notice.quarter, source: notice.source, dueAt: notice.dueAt },
    },
    {
      eventId: `${notice.id}:pulled`,
      createdAt: notice.issuedAt,
      detailType: "Product Line Pulled",
      detail: ref,
    },
  ];
};

/** The notice a confirmation issues: the day's figures, held to the bar of its quarter so far. */
const noticeFor = async (decided: Andon, policy: Policy, comment: string | undefined, now: Date) => {
  const [days, figures] = await Promise.all([
    readDailyRollups(decided.productLineId, decided.day, decided.day),
    periodFigures(quarterOf(decided.day)),
  ]);
  const pooled = pooledRate(
    figures.lines.map(({ counts }) => ({ n: counts.n ?? 0, negatives: counts.neg ?? 0 })),
  );
  return andonNotice(decided, {
    policy,
    dayCounts: days.get(decided.day) ?? {},
    bar: reviewBar(policy.review, pooled),
    actor: decided.decidedBy ?? "",
    comment,
    now,
  });
};

/** One try at a confirmation; undefined when something changed under it (read again and retry). */
const confirm = async (
  andon: Andon,
  decided: Andon,
  policy: Policy,
  comment: string | undefined,
  now: Date,
): Promise<Andon | undefined> => {
  const open = await readPulledLine(andon.productLineId);
  if (open === undefined) {
    const notice = await noticeFor(decided, policy, comment, now);
    const confirmed: Andon = { ...decided, noticeId: notice.id };
    const outcome = await writeConfirmation(confirmed, andon.version, notice, noticeEvents(notice));
    if (outcome === "andon-changed") throw changed();
    if (outcome !== "confirmed") return undefined;
    await relayOutboxSoon();
    return confirmed;
  }
  const notice = await readNotice(open);
  if (!notice) return undefined;
  const linked: Andon = { ...decided, noticeId: notice.id, linked: true };
  const flagged = recordAndonOnNotice(notice, decided, {
    policyVersion: policy.version,
    actor: decided.decidedBy ?? "",
    now,
  });
  const outcome = await writeLink(linked, andon.version, flagged, notice.version);
  if (outcome === "andon-changed") throw changed();
  return outcome === "linked" ? linked : undefined;
};

export const decideAndon = async (
  id: string,
  body: AndonActionRequest,
  principal: Principal,
  now = new Date(),
): Promise<Andon> => {
  requireAllowed(principal, "andons.decide");
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const [andon, policy] = await Promise.all([readAndon(id), currentPolicy()]);
    if (!andon) throw new NotFoundError(`No Andon ${id}`);
    const decided = decide(andon, { ...body, principal, now });
    if (body.action === "dismiss") {
      const outcome = await writeDismissal(decided, andon.version);
      if (outcome === "dismissed") return decided;
      if (outcome === "andon-changed") throw changed();
      continue;
    }
    const confirmed = await confirm(andon, decided, policy, decided.comment, now);
    if (confirmed) return confirmed;
  }
  throw new ConflictError("The Andon or its line's open notice kept changing while you decided; try again");
};
