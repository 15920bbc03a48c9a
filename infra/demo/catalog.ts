/**
 * The demo catalog (data/catalog.json): five business units and fifty product lines, each with the
 * quality profile its signals are generated with.
 *
 * Quality profiles: most lines are good (8–15 % negative); three are clearly poor (35–45 %); one
 * line gets worse over the year and one gets better; the power bank draws critical safety
 * complaints every quarter; two small lines get too few signals to be judged on rate; and a line
 * that is not in the catalog gets about twenty signals, which end up in the quarantine.
 */
import type { Catalog } from "#schemas/catalog";
import { REASONS, type Reason } from "#schemas/signal";
import data from "./data/catalog.json" with { type: "json" };
import type { Weights } from "./random";

export const DEMO_PROFILE_NAMES = ["good", "poor", "worsening", "improving", "safety", "sparse"] as const;
export type DemoProfile = (typeof DEMO_PROFILE_NAMES)[number];

export interface UnitSpec {
  id: string;
  name: string;
  nameZh: string;
  /** Reasons of negative signals about the unit's lines (unless a line has its own). */
  reasons: Weights<Reason>;
}

export interface LineSpec {
  id: string;
  name: string;
  nameZh: string;
  /** Key of the business unit in data/catalog.json (also a key of the word books). */
  unit: string;
  businessUnitId: string;
  category: string;
  /** Relative popularity (share of the signals). */
  weight: number;
  profile: DemoProfile;
  /** Negative rate at the start and at the end of the year (a straight line in between). */
  negative?: readonly [number, number];
  /**
   * Negative rate per calendar quarter, counted back from the current one (index 0) — for the lines
   * whose story is told quarter by quarter (at risk in one review, flagged in the next), so that it
   * holds whatever the day of the quarter the demo is seeded on. Takes precedence over `negative`.
   */
  byQuarter?: readonly number[];
  /** Reasons of negative signals: the line's own, else its unit's. */
  reasons: Weights<Reason>;
}

/** A product line as data/catalog.json writes it. */
interface LineData {
  id: string;
  name: string;
  nameZh: string;
  unit: string;
  category: string;
  weight?: number;
  profile?: string;
  negative?: number[];
  byQuarter?: number[];
  reasons?: Record<string, number>;
}

const SOURCE = "infra/demo/data/catalog.json";

function invalid(where: string, message: string): never {
  throw new Error(`${SOURCE}: ${where}: ${message}`);
}

function reasonWeights(weights: Record<string, number>, where: string): Weights<Reason> {
  for (const [key, weight] of Object.entries(weights)) {
    if (!(REASONS as readonly string[]).includes(key)) invalid(where, `unknown reason "${key}"`);
    if (!(weight >= 0)) invalid(where, `the weight of "${key}" must be a number ≥ 0`);
  }
  return weights as Weights<Reason>;
}

const UNITS: Readonly<Record<string, UnitSpec>> = Object.fromEntries(
  Object.entries(data.units as Record<string, UnitSpec>).map(([key, unit]) => [
    key,
    {
      id: unit.id,
      name: unit.name,
      nameZh: unit.nameZh,
      reasons: reasonWeights(unit.reasons, `unit ${key}`),
    },
  ]),
);

function lineSpec(line: LineData): LineSpec {
  const where = `line ${line.id}`;
  const unit = UNITS[line.unit] ?? invalid(where, `unknown unit "${line.unit}"`);
  const profile = line.profile ?? "good";
  if (!(DEMO_PROFILE_NAMES as readonly string[]).includes(profile))
    invalid(where, `unknown profile "${profile}"`);
  const spec: LineSpec = {
    id: line.id,
    name: line.name,
    nameZh: line.nameZh,
    unit: line.unit,
    businessUnitId: unit.id,
    category: line.category,
    weight: line.weight ?? 0,
    profile: profile as DemoProfile,
    reasons: line.reasons === undefined ? unit.reasons : reasonWeights(line.reasons, where),
  };
  if (line.negative !== undefined) {
    const [start, end, ...rest] = line.negative;
    if (start === undefined || end === undefined || rest.length > 0)
      invalid(where, "negative must be [rate at the start, rate at the end]");
    spec.negative = [start, end];
  }
  if (line.byQuarter !== undefined) {
    if (line.byQuarter.length < 5 || line.byQuarter.some((r) => !(r >= 0 && r <= 1)))
      invalid(where, "byQuarter must be ≥ 5 rates from 0 to 1 (this quarter first, then back)");
    spec.byQuarter = line.byQuarter;
  }
  return spec;
}

export const LINES: readonly LineSpec[] = (data.lines as LineData[]).map(lineSpec);

/** A product line that signals name but the catalog does not have: its signals are quarantined. */
export const UNLISTED: LineSpec = lineSpec(data.unlisted);
export const UNLISTED_PRODUCT_LINE_ID = UNLISTED.id;

/** The quality profile each product line of the demo catalog was generated with. */
export const DEMO_PROFILES: Readonly<Record<string, DemoProfile>> = Object.fromEntries(
  LINES.map((l) => [l.id, l.profile]),
);

export function demoCatalog(): Catalog {
  return {
    businessUnits: Object.values(UNITS).map((u) => ({ id: u.id, name: u.name, nameZh: u.nameZh })),
    productLines: LINES.map((l) => ({
      id: l.id,
      name: l.name,
      nameZh: l.nameZh,
      businessUnitId: l.businessUnitId,
      category: l.category,
    })),
    categories: Object.entries(data.categories).map(([id, c]) => ({ id, name: c.name, nameZh: c.nameZh })),
  };
}
