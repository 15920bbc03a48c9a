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
