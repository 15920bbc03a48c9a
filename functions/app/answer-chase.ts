/**
 * `POST /v1/chases/{id}/answer`: the owning unit's head (or the CCO team) answers a chase, once.
 * Object-level authorization first (another unit's head gets 403, never the chase), then the state
 * (answered already: 409). The answered chase is written conditional on the version it was read at
 * and its open item is deleted in the same transaction, so the daily job never escalates it after.
 * A caller who sent the version they saw gets 409 if it changed; one who did not is answered on the
 * current state (re-read when the daily job escalated it meanwhile).
 */
import type { Principal } from "#core/authorize";
import { answer, viewChase } from "#core/chase";
import { ConflictError, NotFoundError } from "#core/errors";
import type { AnswerChaseRequest, Chase } from "#schemas/chase";
import { readChase, writeAnswer } from "#store/chase-store";

const ATTEMPTS = 3;

export const answerChase = async (
  id: string,
  body: AnswerChaseRequest,
  principal: Principal,
  now = new Date(),
): Promise<Chase> => {
  for (let attempt = 1; ; attempt++) {
    const chase = await readChase(id);
    if (!chase) throw new NotFoundError(`No chase ${id}`);
    const answered = answer(chase, { answer: body.answer, principal, version: body.version, now });
    if (await writeAnswer(answered, chase.version)) return viewChase(answered, now);
    if (body.version !== undefined || attempt >= ATTEMPTS)
      throw new ConflictError("The chase changed while you answered it; reload it and try again");
  }
};
