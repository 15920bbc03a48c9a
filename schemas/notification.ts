import * as z from "zod/mini";
import { GOVERNANCE_DETAIL_TYPES } from "./events";
import "./zod";

/**
 * What a caller is told of a governance event: its type, when, and what it is about (the fields of
 * the event that say so). The dashboard words it in the reader's language.
 */
export const Notification = z.object({
  id: z.string(),
  type: z.enum(GOVERNANCE_DETAIL_TYPES),
  /** When the change happened. */
  at: z.string(),
  read: z.boolean(),
  businessUnitId: z.string(),
  productLineId: z.optional(z.string()),
  noticeId: z.optional(z.string()),
  /** `Chase Raised`, `Chase Overdue`: the chase to answer. */
  chaseId: z.optional(z.string()),
  /** `Andon Raised`: the Andon to decide (its `day` is the day of the complaints). */
  andonId: z.optional(z.string()),
  quarter: z.optional(z.string()),
  dueAt: z.optional(z.string()),
  /** `Notice Overdue`: the day of the reminder (policy zone). */
  day: z.optional(z.string()),
  /** `Product Line Relisted`: relisted on evidence, or withdrawn after an upheld appeal. */
  reason: z.optional(z.enum(["relisted", "withdrawn"])),
  /** `Notice Issued`: the earlier notice of a repeat. */
  repeatOf: z.optional(z.string()),
  /** `Spike Detected`: the days that spiked, as a period the metrics take (`2026-07-01..2026-07-07`). */
  period: z.optional(z.string()),
});
export type Notification = z.infer<typeof Notification>;

/** A notification as stored in one audience: everything but whether this caller read it. */
export const StoredNotification = z.omit(Notification, { id: true, read: true });
export type StoredNotification = z.infer<typeof StoredNotification>;

export const NotificationsQuery = z.object({
  /** Only the ones not read yet. */
  unreadOnly: z.optional(z.enum(["true", "false"])),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

export const NotificationsEnvelope = z.object({
  /** How many of the caller's notifications are unread (all of them, not only this page's). */
  unread: z.int(),
});

export const MarkReadRequest = z.object({
  /** The notifications to mark read; all of the caller's when absent. */
  ids: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(1_000))).check(z.minLength(1), z.maxLength(100)),
  ),
});
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

export const MarkReadReply = z.object({ unread: z.int() });
