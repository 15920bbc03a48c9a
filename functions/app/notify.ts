/**
 * The notifier (an EventBridge rule target): turns a governance event into one notification per
 * audience that hears of it (`core/notifications.ts`). An event delivered or published twice lands
 * on the same items, so the caller sees it once.
 */
import { ValidationError } from "#core/errors";
import { audiencesFor, positionOf } from "#core/notifications";
import { fieldErrorsOf } from "#schemas/error";
import { GOVERNANCE_DETAILS, type GovernanceDetailType } from "#schemas/events";
import type { StoredNotification } from "#schemas/notification";
import { putNotifications } from "#store/notification-store";

/** A spike's window as the period of its days, so the reader can open the line's metrics for them. */
const windowOf = (window: unknown): { period?: string } => {
  const { from, to } = (window ?? {}) as { from?: unknown; to?: unknown };
  return typeof from === "string" && typeof to === "string" ? { period: `${from}..${to}` } : {};
};

export const notifyOf = async (detailType: string, detail: unknown): Promise<number> => {
  const schema = GOVERNANCE_DETAILS[detailType as keyof typeof GOVERNANCE_DETAILS];
  if (!schema) return 0;
  const parsed = schema.safeParse(detail);
  if (!parsed.success)
    throw new ValidationError(
      `Invalid ${detailType} detail: ${fieldErrorsOf(parsed.error)
        .map((e) => `${e.path}: ${e.message}`)
        .join("; ")}`,
    );
  const event = parsed.data as Record<string, unknown> & {
    eventId: string;
    occurredAt: string;
    businessUnitId: string;
  };
  const audiences = audiencesFor(detailType as GovernanceDetailType, event.businessUnitId);
  if (audiences.length === 0) return 0;
  const pick = (key: string) => (typeof event[key] === "string" ? { [key]: event[key] as string } : {});
  const notification = {
    type: detailType,
    at: event.occurredAt,
    businessUnitId: event.businessUnitId,
    ...pick("productLineId"),
    ...pick("noticeId"),
    ...pick("chaseId"),
    ...pick("andonId"),
    ...pick("quarter"),
    ...pick("dueAt"),
    ...pick("day"),
    ...pick("reason"),
    ...pick("repeatOf"),
    ...windowOf(event.window),
  } as StoredNotification;
  const position = positionOf(event.occurredAt, event.eventId);
  await putNotifications(audiences.map((audience) => ({ audience, position, notification })));
  return audiences.length;
};
