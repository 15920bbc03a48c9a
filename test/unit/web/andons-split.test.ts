/** The Andons page's two lists and replacing an Andon by its decided version. */
import { expect, it } from "vitest";
import type { Andon } from "#schemas/andon";
import { splitAndons, withAndon } from "#web/andons-split";

const andon = (id: string, over: Partial<Andon>): Andon =>
  ({ id, status: "RAISED", raisedAt: "2026-11-01T00:00:00Z", ...over }) as Andon;

it("lists the waiting ones longest-waiting first and the decided ones latest decision first", () => {
  const { raised, decided } = splitAndons([
    andon("new", { raisedAt: "2026-11-03T00:00:00Z" }),
    andon("old", { raisedAt: "2026-11-01T00:00:00Z" }),
    andon("dismissed", { status: "DISMISSED", decidedAt: "2026-11-02T00:00:00Z" }),
    andon("confirmed", { status: "CONFIRMED", decidedAt: "2026-11-04T00:00:00Z" }),
  ]);
  expect(raised.map((a) => a.id)).toEqual(["old", "new"]);
  expect(decided.map((a) => a.id)).toEqual(["confirmed", "dismissed"]);
});

it("replaces the decided Andon in place and leaves the others", () => {
  const list = [andon("a", {}), andon("b", {})];
  const changed = andon("b", { status: "CONFIRMED", noticeId: "n-1" });
  expect(withAndon(list, changed)).toEqual([list[0], changed]);
  expect(list[1]?.status).toBe("RAISED");
});
