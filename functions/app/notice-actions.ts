/**
 * Reading a notice and acting on it (`GET /v1/notices/{id}`, `POST /v1/notices/{id}/actions`).
 * Object-level authorization first (a `bu-head` of another unit gets 403, never the data), then the
 * lifecycle rule; the new state is written conditional on the version the actor saw, audited, and
 * a relist or an upheld appeal releases the line with `Product Line Relisted` in the same transaction.
 */
import { type Principal, requireAllowed } from "#core/authorize";
import { ConflictError, NotFoundError } from "#core/errors";
import { isOpen, transition } from "#core/notice-lifecycle";
import { dayOf, quarterOf } from "#core/period";
import type { Notice, NoticeActionRequest } from "#schemas/notice";
import { readNotice, replaceNotice, type StoredNotice } from "#store/notice-store";
import { currentPolicy } from "#store/policy-store";
import { relayOutboxSoon } from "./relay-outbox";
import { viewNotice } from "./view-notice";

const found = async (id: string): Promise<StoredNotice> => {
  const notice = await readNotice(id);
  if (!notice) throw new NotFoundError(`No notice ${id}`);
  return notice;
};

export const readNoticeFor = async (id: string, principal: Principal, now = new Date()): Promise<Notice> => {
  const notice = await found(id);
  requireAllowed(principal, "notices.read", notice.businessUnitId);
  return viewNotice(notice, await currentPolicy(), now);
};

export const actOnNotice = async (
  id: string,
  request: NoticeActionRequest,
  principal: Principal,
  now = new Date(),
): Promise<Notice> => {
  const [notice, policy] = await Promise.all([found(id), currentPolicy()]);
  const to = transition(notice, {
    action: request.action,
    principal,
    version: request.version,
    now,
    appealDays: policy.review.appealDays,
  });
  const at = now.toISOString();
  const updated: StoredNotice = {
    ...notice,
    status: to,
    version: notice.version + 1,
    audit: [
      ...notice.audit,
      {
        at,
        actor: principal.sub,
        action: request.action,
        from: notice.status,
        to,
        ...(request.comment ? { comment: request.comment } : {}),
      },
    ],
    ...(request.action === "submit-fix" && request.fix
      ? { fix: { ...request.fix, submittedAt: at, submittedBy: principal.sub } }
      : {}),
  };
  const closes = !isOpen(to);
  const ref = { noticeId: id, productLineId: notice.productLineId, businessUnitId: notice.businessUnitId };
  const written = await replaceNotice(updated, notice.version, {
    release: closes,
    ...(to === "RELISTED" ? { relisted: { quarter: quarterOf(dayOf(now, policy.timeZone)), at } } : {}),
    events: closes
      ? [
          {
            eventId: `${id}:released:${updated.version}`,
            createdAt: at,
            detailType: "Product Line Relisted",
            detail: { ...ref, reason: to === "RELISTED" ? "relisted" : "withdrawn" },
          },
        ]
      : [],
  });
  if (!written) throw new ConflictError("The notice changed while you acted on it; reload it and try again");
  if (closes) await relayOutboxSoon();
  return viewNotice(updated, policy, now);
};
