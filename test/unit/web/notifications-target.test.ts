/** What each notification says and where it leads, and the unread-first order. */
import { describe, expect, it } from "vitest";
import { GOVERNANCE_DETAIL_TYPES } from "#schemas/events";
import type { Notification } from "#schemas/notification";
import { MESSAGES } from "#web/i18n";
import { messageOf, targetOf, unreadFirst } from "#web/notifications-target";

const note = (over: Partial<Notification>): Notification => ({
  id: "n",
  type: "Notice Issued",
  at: "2026-11-01T00:00:00Z",
  read: false,
  businessUnitId: "bu-a",
  ...over,
});

describe("messageOf", () => {
  it("words every type in both languages, a withdrawal apart from a relisting", () => {
    for (const type of GOVERNANCE_DETAIL_TYPES) {
      const key = messageOf(note({ type }));
      expect(MESSAGES.en[key]).toBeTruthy();
      expect(MESSAGES["zh-CN"][key]).toBeTruthy();
    }
    expect(messageOf(note({ type: "Product Line Relisted", reason: "withdrawn" }))).toBe(
      "notificationsLineWithdrawn",
    );
  });
});

describe("targetOf", () => {
  it("leads to the chases, the Andons (for those who decide them), the notice, the awards or the line", () => {
    expect(targetOf(note({ type: "Chase Raised", chaseId: "c-1", productLineId: "pl" }), false)).toEqual({
      page: "chases",
    });
    const andon = note({ type: "Andon Raised", andonId: "an-pl-1", productLineId: "pl" });
    expect(targetOf(andon, true)).toEqual({ page: "andons" });
    expect(targetOf(andon, false)).toEqual({ page: "line", id: "pl" });
    expect(targetOf(note({ noticeId: "no-1", productLineId: "pl" }), false)).toEqual({
      page: "notice",
      id: "no-1",
    });
    expect(targetOf(note({ type: "Awards Published", quarter: "2026-Q3" }), false)).toEqual({
      page: "awards",
      period: "2026-Q3",
    });
    expect(targetOf(note({ type: "Spike Detected", productLineId: "pl" }), false)).toEqual({
      page: "line",
      id: "pl",
    });
    expect(targetOf(note({ type: "Awards Published" }), false)).toEqual({ page: "awards" });
    expect(targetOf(note({ type: "Chase Overdue" }), false)).toBeNull();
  });
});

it("puts unread first, newest first within each", () => {
  const items = [
    note({ id: "read-new", read: true, at: "2026-11-05T00:00:00Z" }),
    note({ id: "unread-old", at: "2026-11-01T00:00:00Z" }),
    note({ id: "read-old", read: true, at: "2026-11-02T00:00:00Z" }),
    note({ id: "unread-new", at: "2026-11-04T00:00:00Z" }),
  ];
  expect(unreadFirst(items).map((n) => n.id)).toEqual(["unread-new", "unread-old", "read-new", "read-old"]);
});
