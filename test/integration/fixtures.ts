/** Small catalogs and signals for integration tests. */
export const catalog = {
  businessUnits: [
    { id: "bu-home", name: "Home" },
    { id: "bu-fresh", name: "Fresh" },
  ],
  productLines: [
    {
      id: "pl-kettle",
      name: "Kettle",
      nameZh: "电水壶",
      businessUnitId: "bu-home",
      category: "small-appliance",
    },
    {
      id: "pl-heater",
      name: "Heater",
      nameZh: "取暖器",
      businessUnitId: "bu-home",
      category: "small-appliance",
    },
    { id: "pl-milk", name: "Milk", nameZh: "牛奶", businessUnitId: "bu-fresh", category: "dairy" },
  ],
};

let counter = 0;
/** A valid csat signal, an hour ago, with the overrides given. */
export const signal = (overrides: Record<string, unknown> = {}) => ({
  signalId: `sig-${Date.now()}-${counter++}`,
  productLineId: "pl-kettle",
  channel: "app",
  kind: "csat",
  score: 4,
  occurredAt: new Date(Date.now() - 3600_000).toISOString(),
  ...overrides,
});

/** The current quarter, as the metrics endpoint expects it (Asia/Shanghai). */
export const currentQuarter = () => {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() - 3600_000),
  );
  const [year, month] = day.split("-").map(Number);
  return `${year}-Q${Math.floor(((month ?? 1) - 1) / 3) + 1}`;
};

// One formatter for every call: making one with a time zone costs milliseconds, and a test
// building signals day by day once froze the process (and the runtime it hosts) for seconds.
const shanghaiDays = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });
/** A Shanghai calendar day, `daysAgo` days back. */
export const shanghaiDay = (daysAgo: number) =>
  shanghaiDays.format(new Date(Date.now() - daysAgo * 86_400_000));
export const quarterOfDay = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
/** A day of the previous quarter, a few days before this one began: its figures are final. */
export const dayOfPreviousQuarter = () => {
  const current = quarterOfDay(shanghaiDay(0));
  for (let back = 1; ; back++) if (quarterOfDay(shanghaiDay(back)) !== current) return shanghaiDay(back + 3);
};

let csatCounter = 0;
/** `count` csat signals of a line ending at `base` (one a second, going back), the first `negatives` negative. */
export const csatSignals = (line: string, count: number, negatives: number, base: Date) =>
  Array.from({ length: count }, (_, i) => ({
    signalId: `csat-${line}-${csatCounter++}`,
    productLineId: line,
    channel: "hotline",
    kind: "csat",
    score: i < negatives ? 1 : 5,
    occurredAt: new Date(base.getTime() - i * 1000).toISOString(),
  }));
