/** The line page's logic: its row of the board, its notices and voices, and the verdict on its rate. */
import { describe, expect, it } from "vitest";
import type { NoticeSummary } from "#schemas/notice";
import type { ProblemBoard } from "#schemas/problems";
import type { Voice } from "#schemas/voice";
import { lineRowOf, newestVoices, noticesOfLine, reasonsOf, verdictOf } from "#web/line-data";

const zero = {
  quality: 0,
  logistics: 0,
  "description-mismatch": 0,
  "service-attitude": 0,
  price: 0,
  safety: 0,
  other: 0,
};
const row = (productLineId: string): ProblemBoard["productLines"][number] => ({
  productLineId,
  name: productLineId,
  businessUnitId: "bu",
  category: "c",
  n: 10,
  negatives: 4,
  negativesChange: 1,
  byReason: { ...zero, quality: 3 },
  byReasonChange: { ...zero, quality: 1, price: -2 },
});

describe("the line's row of the board", () => {
  const board = { productLines: [row("pl-a"), row("pl-b")], reasons: Object.keys(zero) } as ProblemBoard;

  it("is found by id, or is none", () => {
    expect(lineRowOf(board, "pl-b")?.productLineId).toBe("pl-b");
    expect(lineRowOf(board, "pl-x")).toBeNull();
  });

  it("keeps the reasons with a count now or a change since", () => {
    expect(reasonsOf(row("pl-a"), board.reasons)).toEqual(["quality", "price"]);
  });
});

describe("notices and voices", () => {
  const notice = (id: string, productLineId: string, issuedAt: string) =>
    ({ id, productLineId, issuedAt }) as NoticeSummary;

  it("keeps the line's notices, newest first", () => {
    const list = [
      notice("n1", "pl-a", "2026-01-01T00:00:00Z"),
      notice("n2", "pl-b", "2026-03-01T00:00:00Z"),
      notice("n3", "pl-a", "2026-02-01T00:00:00Z"),
    ];
    expect(noticesOfLine(list, "pl-a").map((n) => n.id)).toEqual(["n3", "n1"]);
  });

  it("keeps the newest voices", () => {
    const voice = (signalId: string, occurredAt: string) => ({ signalId, occurredAt }) as Voice;
    const list = [
      voice("a", "2026-01-01T00:00:00Z"),
      voice("b", "2026-01-03T00:00:00Z"),
      voice("c", "2026-01-02T00:00:00Z"),
    ];
    expect(newestVoices(list, 2).map((v) => v.signalId)).toEqual(["b", "c"]);
  });
});

describe("verdictOf", () => {
  const wilson = (lo: number, hi: number) => ({ lo, hi });

  it("says over when the whole interval is above the bar with enough signals", () => {
    expect(verdictOf({ n: 400, wilson: wilson(0.353, 0.449) }, 0.2, 30)).toBe("over");
  });

  it("says under, unsure, too few or nothing", () => {
    expect(verdictOf({ n: 400, wilson: wilson(0.05, 0.1) }, 0.2, 30)).toBe("under");
    expect(verdictOf({ n: 400, wilson: wilson(0.15, 0.25) }, 0.2, 30)).toBe("unsure");
    expect(verdictOf({ n: 10, wilson: wilson(0.4, 0.9) }, 0.2, 30)).toBe("few");
    expect(verdictOf({ n: 0, wilson: null }, 0.2, 30)).toBe("none");
  });
});
