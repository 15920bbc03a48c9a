import { describe, expect, it } from "vitest";
import {
  DEMO_PROFILES,
  type DemoProfile,
  demoCatalog,
  LINES,
  UNLISTED_PRODUCT_LINE_ID,
} from "#infra/demo/catalog";
import { mulberry32 } from "#infra/demo/random";
import { ANDON_DAYS_AGO, demoSignals } from "#infra/demo/signals";
import { Catalog } from "#schemas/catalog";
import { CHANNELS, SIGNAL_KINDS, Signal } from "#schemas/signal";

const NOW = new Date("2026-05-10T12:00:00+08:00");
const signals = demoSignals({ now: NOW });
const catalog = demoCatalog();
const DAY = 86_400_000;

function isNegative(s: Signal): boolean {
  switch (s.kind) {
    case "complaint":
      return true;
    case "nps":
      return (s.score ?? 10) <= 6;
    default:
      return (s.score ?? 5) <= 2;
  }
}

/** Beijing-time calendar quarter, e.g. `2026-Q2`. */
function quarterOf(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

function byLine(list: Signal[]) {
  const stats = new Map<
    string,
    { n: number; negatives: number; critical: Map<string, number>; quarters: Map<string, number> }
  >();
  for (const s of list) {
    let e = stats.get(s.productLineId);
    if (e === undefined) {
      e = { n: 0, negatives: 0, critical: new Map(), quarters: new Map() };
      stats.set(s.productLineId, e);
    }
    e.n++;
    if (isNegative(s)) e.negatives++;
    const q = quarterOf(s.occurredAt);
    e.quarters.set(q, (e.quarters.get(q) ?? 0) + 1);
    if (s.severity === "critical") e.critical.set(q, (e.critical.get(q) ?? 0) + 1);
  }
  return stats;
}
const stats = byLine(signals);
const rate = (id: string) => {
  const e = stats.get(id);
  if (e === undefined) throw new Error(`no signals for ${id}`);
  return e.negatives / e.n;
};
const linesWith = (profile: DemoProfile) =>
  Object.entries(DEMO_PROFILES)
    .filter(([, p]) => p === profile)
    .map(([id]) => id);

describe("mulberry32", () => {
  it("is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });
});

describe("demoCatalog", () => {
  it("is a valid catalog", () => {
    expect(Catalog.safeParse(catalog).success).toBe(true);
  });

  it.each([
    ["business units", catalog.businessUnits.map((u) => u.id)],
    ["product lines", catalog.productLines.map((l) => l.id)],
  ])("has unique %s ids", (_what, ids) => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has 4–5 units, ~50 lines with zh names, units that exist and categories that group peers", () => {
    expect(catalog.businessUnits.length).toBeGreaterThanOrEqual(4);
    expect(catalog.businessUnits.length).toBeLessThanOrEqual(5);
    expect(catalog.productLines.length).toBeGreaterThanOrEqual(45);
    expect(catalog.productLines.length).toBeLessThanOrEqual(55);
    const units = new Set(catalog.businessUnits.map((u) => u.id));
    for (const line of catalog.productLines) {
      expect(units.has(line.businessUnitId)).toBe(true);
      expect(line.nameZh).toMatch(/[\u4e00-\u9fff]/);
    }
    const perCategory = new Map<string, number>();
    for (const l of catalog.productLines) perCategory.set(l.category, (perCategory.get(l.category) ?? 0) + 1);
    const grouped = [...perCategory.values()].filter((n) => n >= 2).length;
    expect(grouped).toBeGreaterThanOrEqual(10);
  });

  it("gives every catalog line a quality profile", () => {
    expect(Object.keys(DEMO_PROFILES).sort()).toEqual(catalog.productLines.map((l) => l.id).sort());
  });
});

describe("demoSignals", () => {
  it("makes 30,000 signals by default, each valid, with ids demo-1..demo-30000", () => {
    expect(signals).toHaveLength(30_000);
    const invalid = signals.filter((s) => !Signal.safeParse(s).success);
    expect(invalid).toEqual([]);
    expect(new Set(signals.map((s) => s.signalId)).size).toBe(30_000);
    expect(signals[0]?.signalId).toBe("demo-1");
    expect(signals.at(-1)?.signalId).toBe("demo-30000");
  });

  it.each([1, 10, 999, 2500])("honours count=%i", (count) => {
    const list = demoSignals({ now: NOW, count });
    expect(list).toHaveLength(count);
    expect(list.every((s) => Signal.safeParse(s).success)).toBe(true);
  });

  it("is deterministic for the same now, count and seed, and differs with the seed", () => {
    const a = demoSignals({ now: NOW, count: 2000, seed: 7 });
    expect(demoSignals({ now: NOW, count: 2000, seed: 7 })).toEqual(a);
    const b = demoSignals({ now: NOW, count: 2000, seed: 8 });
    expect(b.map((s) => s.signalId)).toEqual(a.map((s) => s.signalId));
    expect(b).not.toEqual(a);
  });

  it("spreads them over the 365 days before now, none in the future, with a +08:00 offset", () => {
    const times = signals.map((s) => Date.parse(s.occurredAt));
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 365 * DAY);
    expect(signals.every((s) => s.occurredAt.endsWith("+08:00"))).toBe(true);
    const quarters = new Set(signals.map((s) => quarterOf(s.occurredAt)));
    expect(quarters.size).toBeGreaterThanOrEqual(4);
    // Every month of the year has signals.
    const months = new Set(signals.map((s) => s.occurredAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ...CHANNELS.map((c) => ["channel", c] as const),
    ...SIGNAL_KINDS.map((k) => ["kind", k] as const),
  ])("uses %s %s", (field, value) => {
    expect(signals.filter((s) => s[field] === value).length).toBeGreaterThan(100);
  });

  it("looks like real feedback: mostly zh, verbatims, customer refs, some orders, a little PII", () => {
    const share = (f: (s: Signal) => boolean) => signals.filter(f).length / signals.length;
    expect(share((s) => s.locale === "zh-CN")).toBeGreaterThan(0.75);
    expect(share((s) => s.locale === "en-US")).toBeGreaterThan(0.05);
    expect(share((s) => s.locale !== "zh-CN" && s.locale !== "en-US")).toBe(0);
    expect(share((s) => s.verbatim !== undefined)).toBeGreaterThan(0.5);
    expect(share((s) => s.customerRef !== undefined)).toBeGreaterThan(0.7);
    const orders = share((s) => s.orderRef !== undefined);
    expect(orders).toBeGreaterThan(0.2);
    expect(orders).toBeLessThan(0.8);
    const phones = signals.filter((s) => /1[3-9]\d[- ]?\d{4}[- ]?\d{4}/.test(s.verbatim ?? ""));
    const emails = signals.filter((s) => /[\w.]+@example\.com/.test(s.verbatim ?? ""));
    expect(phones.length).toBeGreaterThan(20);
    expect(emails.length).toBeGreaterThan(20);
    expect(phones.length + emails.length).toBeLessThan(signals.length * 0.05);
    // Chinese verbatims mostly, and they name no placeholder.
    expect(signals.some((s) => s.verbatim?.includes("{name}"))).toBe(false);
  });

  it("ties reasons to negatives and severities to complaints only", () => {
    expect(signals.filter((s) => s.reasons !== undefined && !isNegative(s))).toEqual([]);
    expect(signals.filter((s) => (s.severity !== undefined) !== (s.kind === "complaint"))).toEqual([]);
  });

  it("keeps most lines good (8–15 % negative)", () => {
    const good = linesWith("good");
    expect(good.length).toBeGreaterThanOrEqual(35);
    for (const id of good) {
      expect(rate(id)).toBeGreaterThan(0.04);
      expect(rate(id)).toBeLessThan(0.19);
    }
    const mean = good.reduce((sum, id) => sum + rate(id), 0) / good.length;
    expect(mean).toBeGreaterThan(0.08);
    expect(mean).toBeLessThan(0.15);
  });

  it("makes the poor lines clearly poorer (35–45 % negative)", () => {
    const poor = linesWith("poor");
    expect(poor.length).toBeGreaterThanOrEqual(2);
    const worstGood = Math.max(...linesWith("good").map(rate));
    for (const id of poor) {
      expect(rate(id)).toBeGreaterThan(0.33);
      expect(rate(id)).toBeLessThan(0.47);
      expect(rate(id)).toBeGreaterThan(worstGood + 0.1);
    }
  });

  it("gives the safety line at least 3 critical safety complaints in every quarter", () => {
    const [safety] = linesWith("safety");
    expect(safety).toBeDefined();
    const e = stats.get(safety!)!;
    for (const q of e.quarters.keys()) expect(e.critical.get(q) ?? 0).toBeGreaterThanOrEqual(3);
    const critical = signals.filter((s) => s.productLineId === safety && s.severity === "critical");
    expect(critical.every((s) => s.kind === "complaint" && s.reasons?.includes("safety"))).toBe(true);
  });

  it("raises Andons (two critical complaints on one line and Shanghai day) on the safety line's days only", () => {
    const [safety] = linesWith("safety");
    for (const now of [NOW, new Date("2026-12-04T23:00:00Z"), new Date("2027-02-28T01:00:00+08:00")]) {
      const perLineDay = new Map<string, number>();
      for (const s of demoSignals({ now })) {
        if (s.severity !== "critical") continue;
        const key = `${s.productLineId} ${new Date(Date.parse(s.occurredAt) + 8 * 3_600_000).toISOString().slice(0, 10)}`;
        perLineDay.set(key, (perLineDay.get(key) ?? 0) + 1);
      }
      const andonDays = ANDON_DAYS_AGO.map(
        (daysAgo) =>
          `${safety} ${new Date(now.getTime() - daysAgo * DAY + 8 * 3_600_000).toISOString().slice(0, 10)}`,
      );
      const andons = [...perLineDay].filter(([, n]) => n >= 2).map(([key]) => key);
      expect(andons.sort(), now.toISOString()).toEqual(andonDays.sort());
    }
  });

  it("keeps sparse lines under 30 signals per quarter", () => {
    const sparse = linesWith("sparse");
    expect(sparse.length).toBeGreaterThanOrEqual(2);
    for (const id of sparse) {
      const e = stats.get(id)!;
      expect(e.n).toBeGreaterThan(10);
      for (const n of e.quarters.values()) expect(n).toBeLessThan(30);
    }
  });

  it("moves the worsening line up and the improving line down", () => {
    const half = (id: string, recent: boolean) => {
      const list = signals.filter(
        (s) => s.productLineId === id && Date.parse(s.occurredAt) > NOW.getTime() - 182 * DAY === recent,
      );
      return list.filter(isNegative).length / list.length;
    };
    const [worsening] = linesWith("worsening");
    const [improving] = linesWith("improving");
    expect(half(worsening!, true)).toBeGreaterThan(half(worsening!, false) + 0.08);
    expect(half(improving!, true)).toBeLessThan(half(improving!, false) - 0.08);
  });

  it.each([
    "2026-05-10T12:00:00+08:00",
    "2026-07-01T03:00:00+08:00",
    "2026-12-04T22:00:00+08:00",
    "2027-03-31T20:00:00+08:00",
  ])(
    "gives the lines told quarter by quarter their rate in each quarter, within 1.5 points (now %s)",
    (at) => {
      const now = new Date(at);
      const told = LINES.filter((l) => l.byQuarter);
      expect(told.map((l) => l.profile).sort()).toEqual(["improving", "worsening"]);
      const list = demoSignals({ now });
      for (const line of told)
        for (const back of [1, 2, 3]) {
          const local = new Date(now.getTime() + 8 * 3_600_000);
          const index = local.getUTCFullYear() * 4 + Math.floor(local.getUTCMonth() / 3) - back;
          const quarter = `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
          const mine = list.filter((s) => s.productLineId === line.id && quarterOf(s.occurredAt) === quarter);
          const negatives = mine.filter(isNegative).length;
          expect(mine.length, `${line.id} ${quarter}`).toBeGreaterThan(80);
          expect(
            Math.abs(negatives / mine.length - (line.byQuarter?.[back] ?? -1)),
            `${line.id} ${quarter}`,
          ).toBeLessThan(0.015);
        }
    },
  );

  it("sends ~20 signals for a product line that is not in the catalog", () => {
    expect(UNLISTED_PRODUCT_LINE_ID).toMatch(/^pl-unlisted-/);
    expect(catalog.productLines.some((l) => l.id === UNLISTED_PRODUCT_LINE_ID)).toBe(false);
    expect(stats.get(UNLISTED_PRODUCT_LINE_ID)?.n).toBe(20);
    const known = new Set(catalog.productLines.map((l) => l.id));
    const unknown = signals.filter((s) => !known.has(s.productLineId));
    expect(unknown.every((s) => s.productLineId === UNLISTED_PRODUCT_LINE_ID)).toBe(true);
  });

  it("covers every catalog line", () => {
    for (const line of catalog.productLines) expect(stats.get(line.id)?.n ?? 0).toBeGreaterThan(10);
  });
});
