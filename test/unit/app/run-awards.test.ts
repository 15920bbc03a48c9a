/**
 * The awards use case with its stores replaced: what it reads (the period's figures afresh, and the
 * voices of the winners only — as many at 10× the signals), what it refuses (finalizing a period
 * that has not ended, previewing a final one) and what it stores and publishes.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { runAwards } from "#app/run-awards";
import { ConflictError, ValidationError } from "#core/errors";
import { NEGATIVE_CLASSES, POSITIVE_CLASSES } from "#core/voice-class";
import type { Awards } from "#schemas/award";
import { DEFAULT_POLICY } from "#schemas/policy";

const mocks = vi.hoisted(() => ({
  periodFigures: vi.fn(),
  readAwards: vi.fn(),
  storeAwards: vi.fn(),
  voicesByClass: vi.fn(),
  relayOutboxSoon: vi.fn(),
}));
vi.mock("#app/period-figures", () => ({ periodFigures: mocks.periodFigures }));
vi.mock("#app/relay-outbox", () => ({ relayOutboxSoon: mocks.relayOutboxSoon }));
vi.mock("#store/award-store", () => ({ readAwards: mocks.readAwards, storeAwards: mocks.storeAwards }));
vi.mock("#store/voice-store", () => ({ voicesByClass: mocks.voicesByClass }));
vi.mock("#store/policy-store", () => ({ currentPolicy: async () => DEFAULT_POLICY }));

/** 10 lines of 100 × scale signals each, line i with i × 2 % negatives. */
const figures = (scale: number) => ({
  period: "2026-Q3",
  asOf: "2026-10-01T00:00:00.000Z",
  businessUnitNames: new Map(),
  itemsRead: 10,
  lines: Array.from({ length: 10 }, (_, i) => ({
    line: { id: `pl-${i}`, name: `Line ${i}`, businessUnitId: "bu-a", category: "c" },
    counts: { n: 100 * scale, neg: 2 * i * scale },
  })),
});
const afterQ3 = new Date("2026-10-05T00:00:00.000Z");

beforeEach(() => {
  vi.clearAllMocks();
  mocks.periodFigures.mockResolvedValue(figures(1));
  mocks.readAwards.mockResolvedValue(undefined);
  mocks.storeAwards.mockImplementation(async (awards: Awards) => ({ outcome: "stored", awards }));
  mocks.voicesByClass.mockResolvedValue([]);
});

describe("runAwards", () => {
  it("reads the figures afresh and the voices of the winners only, as many at 10× the signals", async () => {
    const calls = [];
    for (const scale of [1, 10]) {
      vi.clearAllMocks();
      mocks.periodFigures.mockResolvedValue(figures(scale));
      const awards = await runAwards({ period: "2026-Q3" }, "cco-1", afterQ3);
      expect(awards.red.map((a) => a.productLineId)).toEqual(["pl-0", "pl-1", "pl-2"]);
      expect(awards.rotten.map((a) => a.productLineId)).toEqual(["pl-9", "pl-8", "pl-7"]);
      expect(mocks.periodFigures).toHaveBeenCalledWith("2026-Q3", { maxAgeMs: 0 });
      calls.push(mocks.voicesByClass.mock.calls);
    }
    const [once, tenfold] = calls;
    expect(tenfold).toEqual(once);
    // The quarter in Beijing time: 1 July 00:00 to 1 October 00:00 (+08:00).
    const window = [new Date("2026-06-30T16:00:00.000Z"), new Date("2026-09-30T16:00:00.000Z")];
    expect(once).toEqual([
      ...["pl-0", "pl-1", "pl-2"].map((line) => [line, POSITIVE_CLASSES, ...window, 3]),
      ...["pl-9", "pl-8", "pl-7"].map((line) => [line, NEGATIVE_CLASSES, ...window, 3]),
    ]);
  });

  it("stores a preview without an event, and a final run with its one event, then relays", async () => {
    const preview = await runAwards({ period: "2026-Q3" }, "cco-1", afterQ3);
    expect(preview).toMatchObject({
      finalized: false,
      computedBy: "cco-1",
      computedAt: afterQ3.toISOString(),
    });
    expect(mocks.storeAwards).toHaveBeenLastCalledWith(preview, undefined);
    expect(mocks.relayOutboxSoon).not.toHaveBeenCalled();

    const final = await runAwards({ period: "2026-Q3", finalize: true }, "cco-1", afterQ3);
    expect(final).toMatchObject({ finalized: true, finalizedAt: afterQ3.toISOString() });
    expect(mocks.storeAwards).toHaveBeenLastCalledWith(final, {
      eventId: "awards:2026-Q3:published",
      createdAt: afterQ3.toISOString(),
      detailType: "Awards Published",
      detail: {
        period: "2026-Q3",
        policyVersion: 1,
        red: final.red.map(({ rank, productLineId, businessUnitId }) => ({
          rank,
          productLineId,
          businessUnitId,
        })),
        rotten: final.rotten.map(({ rank, productLineId, businessUnitId }) => ({
          rank,
          productLineId,
          businessUnitId,
        })),
      },
    });
    expect(mocks.relayOutboxSoon).toHaveBeenCalledOnce();
  });

  it("refuses to finalize a period before its last midnight in the policy's zone, naming finalize", async () => {
    // 30 September 23:59 in Beijing: the quarter has a minute to go.
    const run = runAwards(
      { period: "2026-Q3", finalize: true },
      "cco-1",
      new Date("2026-09-30T15:59:00.000Z"),
    );
    await expect(run).rejects.toBeInstanceOf(ValidationError);
    await expect(run).rejects.toMatchObject({ details: [{ path: "finalize" }] });
    expect(mocks.storeAwards).not.toHaveBeenCalled();
    await expect(
      runAwards({ period: "2026-Q3", finalize: true }, "cco-1", new Date("2026-09-30T16:00:00.000Z")),
    ).resolves.toMatchObject({ finalized: true });
  });

  it("answers final awards as stored without computing anything, and refuses to preview them", async () => {
    const stored = { period: "2026-Q3", finalized: true } as Awards;
    mocks.readAwards.mockResolvedValue(stored);
    expect(await runAwards({ period: "2026-Q3" }, "cco-1", afterQ3)).toBe(stored);
    expect(await runAwards({ period: "2026-Q3", finalize: true }, "cco-1", afterQ3)).toBe(stored);
    await expect(runAwards({ period: "2026-Q3", finalize: false }, "cco-1", afterQ3)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(mocks.periodFigures).not.toHaveBeenCalled();
    expect(mocks.storeAwards).not.toHaveBeenCalled();
  });

  it("answers the awards another run finalized meanwhile, or 409 to a preview that lost to them", async () => {
    const winner = { period: "2026-Q3", finalized: true, computedBy: "other" } as Awards;
    mocks.storeAwards.mockResolvedValue({ outcome: "already-final", awards: winner });
    expect(await runAwards({ period: "2026-Q3", finalize: true }, "cco-1", afterQ3)).toBe(winner);
    expect(await runAwards({ period: "2026-Q3" }, "cco-1", afterQ3)).toBe(winner);
    await expect(runAwards({ period: "2026-Q3", finalize: false }, "cco-1", afterQ3)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(mocks.relayOutboxSoon).not.toHaveBeenCalled();
  });
});
