/**
 * `POST /v1/chases`: an executive (or the CCO team) raises a question about one customer voice.
 * The voice is read by its signal id and routed to the unit that owns its product line; the chase
 * quotes it as stored (PII masked at ingest, never the customer's pseudonym) and is due after the
 * policy's `chase.answerDays`. The chase, its open item and `Chase Raised` are written in one
 * transaction; its id is derived from who asks what about which voice, so the same request sent
 * again answers the chase it made the first time instead of making a second.
 */
import { type Principal, requireAllowed } from "#core/authorize";
import { raise, viewChase } from "#core/chase";
import { ConflictError, NotFoundError } from "#core/errors";
import type { Chase, RaiseChaseRequest, StoredChase } from "#schemas/chase";
import { findProductLine } from "#store/catalog-store";
import { createChase, readChase } from "#store/chase-store";
import type { OutboxEvent } from "#store/outbox-store";
import { currentPolicy } from "#store/policy-store";
import { readSignal } from "#store/signal-store";
import { relayOutboxSoon } from "./relay-outbox";

const raisedEvent = (chase: StoredChase): OutboxEvent => ({
  eventId: `${chase.id}:raised`,
  createdAt: chase.raisedAt,
  detailType: "Chase Raised",
  detail: {
    chaseId: chase.id,
    signalId: chase.signalId,
    productLineId: chase.productLineId,
    businessUnitId: chase.businessUnitId,
    dueAt: chase.dueAt,
    raisedBy: chase.raisedBy.sub,
  },
});

/** The voice a chase may be raised on: a counted signal whose line the catalog has. */
const voiceFor = async (signalId: string) => {
  const found = await readSignal(signalId);
  if (!found)
    throw new NotFoundError(`No signal ${signalId}`, [
      { path: "signalId", message: "No signal has this id" },
    ]);
  const line = found.state === "COUNTED" ? await findProductLine(found.signal.productLineId) : undefined;
  if (!line)
    throw new ConflictError(
      `Signal ${signalId} is in quarantine: its product line ${found.signal.productLineId} is not in the catalog, so no unit owns it yet`,
      [{ path: "signalId", message: "Quarantined: no unit owns its product line" }],
    );
  return { signal: found.signal, businessUnitId: line.businessUnitId };
};

export const raiseChase = async (
  body: RaiseChaseRequest,
  principal: Principal,
  now = new Date(),
): Promise<Chase> => {
  requireAllowed(principal, "chases.raise");
  const [{ signal, businessUnitId }, policy] = await Promise.all([voiceFor(body.signalId), currentPolicy()]);
  const chase = raise({ signal, businessUnitId, question: body.question, principal, policy, now });
  if (await createChase(chase, [raisedEvent(chase)])) {
    await relayOutboxSoon();
    return viewChase(chase, now);
  }
  // The same caller asked the same about the same voice before: that chase is the answer.
  const existing = await readChase(chase.id);
  if (!existing) throw new ConflictError("The chase could not be stored; try again");
  return viewChase(existing, now);
};
