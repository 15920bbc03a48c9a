import { describe, expect, it } from "vitest";
import { ValidationError } from "#core/errors";
import { lastEndedQuarter, type Period, parsePeriod, previousPeriod, quarterOf, yearOf } from "#core/period";
import { STATUS_OF } from "#http/errors";

describe("quarterOf and yearOf", () => {
  it.each([
    ["2026-01-01", "2026-Q1", "2026"],
    ["2026-03-31", "2026-Q1", "2026"],
    ["2026-04-01", "2026-Q2", "2026"],
    ["2026-06-30", "2026-Q2", "2026"],
    ["2026-07-01", "2026-Q3", "2026"],
    ["2026-09-30", "2026-Q3", "2026"],
    ["2026-10-01", "2026-Q4", "2026"],
    ["2026-12-31", "2026-Q4", "2026"],
    ["2027-01-01", "2027-Q1", "2027"],
    ["2024-02-29", "2024-Q1", "2024"],
  ])("%s is in %s of %s", (day, quarter, year) => {
    // Act
    const q = quarterOf(day);
    const y = yearOf(day);

    // Assess
    expect(q).toBe(quarter);
    expect(y).toBe(year);
  });

  it.each([["2026-02-30"], ["2026-7-1"], ["2026-Q3"], [""]])("rejects %j", (text) => {
    // Act
    const actQuarter = () => quarterOf(text);
    const actYear = () => yearOf(text);

    // Assess
    expect(actQuarter).toThrow(RangeError);
    expect(actYear).toThrow(RangeError);
  });
});

describe("parsePeriod", () => {
  it.each<[string, Omit<Period, "text">]>([
    ["2026-Q1", { kind: "quarter", from: "2026-01-01", to: "2026-03-31" }],
    ["2026-Q2", { kind: "quarter", from: "2026-04-01", to: "2026-06-30" }],
    ["2026-Q3", { kind: "quarter", from: "2026-07-01", to: "2026-09-30" }],
    ["2026-Q4", { kind: "quarter", from: "2026-10-01", to: "2026-12-31" }],
    ["2026", { kind: "year", from: "2026-01-01", to: "2026-12-31" }],
    ["2024", { kind: "year", from: "2024-01-01", to: "2024-12-31" }],
    ["2026-09-01..2026-09-30", { kind: "range", from: "2026-09-01", to: "2026-09-30" }],
    ["2026-06-30..2026-06-30", { kind: "range", from: "2026-06-30", to: "2026-06-30" }],
    ["2024-02-29..2024-03-01", { kind: "range", from: "2024-02-29", to: "2024-03-01" }],
    // Exactly three years is allowed, inclusive of both ends.
    ["2024-01-01..2026-12-31", { kind: "range", from: "2024-01-01", to: "2026-12-31" }],
    ["2024-02-29..2027-02-28", { kind: "range", from: "2024-02-29", to: "2027-02-28" }],
    ["2023-07-01..2026-06-30", { kind: "range", from: "2023-07-01", to: "2026-06-30" }],
  ])("%s", (text, expected) => {
    // Act
    const period = parsePeriod(text);

    // Assess
    expect(period).toEqual({ text, ...expected });
  });

  it.each([
    // wrong shape
    ["", "Expected a quarter"],
    ["Q3", "Expected a quarter"],
    ["2026-Q0", "Expected a quarter"],
    ["2026-Q5", "Expected a quarter"],
    ["2026-q3", "Expected a quarter"],
    ["26", "Expected a quarter"],
    ["20260", "Expected a quarter"],
    ["2026-09", "Expected a quarter"],
    ["2026-09-01", "Expected a quarter"],
    ["2026-09-01..", "Expected a quarter"],
    ["2026-09-01...2026-09-30", "Expected a quarter"],
    ["2026-09-01/2026-09-30", "Expected a quarter"],
    ["2026-9-1..2026-9-30", "Expected a quarter"],
    [" 2026-Q3", "Expected a quarter"],
    ["2026-Q3 ", "Expected a quarter"],
    // impossible days
    ["2026-02-30..2026-03-31", "2026-02-30 is not a calendar day"],
    ["2026-02-01..2026-02-29", "2026-02-29 is not a calendar day"],
    ["2026-04-31..2026-05-01", "2026-04-31 is not a calendar day"],
    ["2026-13-01..2026-13-02", "2026-13-01 is not a calendar day"],
    ["2026-00-01..2026-01-01", "2026-00-01 is not a calendar day"],
    // reversed
    ["2026-09-30..2026-09-01", "ends (2026-09-01) before it starts (2026-09-30)"],
    ["2027-01-01..2026-12-31", "ends (2026-12-31) before it starts (2027-01-01)"],
    // longer than three years
    ["2024-01-01..2027-01-01", "at most 3 years"],
    ["2024-02-29..2027-03-01", "at most 3 years"],
    ["2000-01-01..2026-12-31", "at most 3 years"],
  ])("rejects %j", (text, message) => {
    // Act
    let error: unknown;
    try {
      parsePeriod(text);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    const details = (error as ValidationError).details;
    expect(details).toHaveLength(1);
    expect(details?.[0]?.path).toBe("period");
    expect(details?.[0]?.message).toContain(message);
    expect(STATUS_OF[(error as ValidationError).code]).toBe(400);
  });
});

describe("previousPeriod", () => {
  it.each([
    ["2026-Q3", "2026-Q2"],
    ["2026-Q1", "2025-Q4"],
    ["2026", "2025"],
    ["0001-Q1", "0000-Q4"],
  ])("before %s comes %s", (period, previous) => {
    expect(previousPeriod(period)).toBe(previous);
  });

  it("has none for a date range", () => {
    expect(() => previousPeriod("2026-01-01..2026-01-31")).toThrow(ValidationError);
  });
});

describe("lastEndedQuarter", () => {
  it.each([
    // 2027-01-01 02:00 in Shanghai is still 2026-12-31 in New York and UTC.
    ["2026-12-31T18:00:00Z", "Asia/Shanghai", "2026-Q4"],
    ["2026-12-31T18:00:00Z", "UTC", "2026-Q3"],
    ["2026-12-31T18:00:00Z", "America/New_York", "2026-Q3"],
    ["2027-01-01T05:00:00Z", "America/New_York", "2026-Q4"],
    ["2026-04-01T00:00:00Z", "Pacific/Kiritimati", "2026-Q1"],
    ["2026-03-31T15:59:59Z", "Asia/Shanghai", "2025-Q4"],
    ["2026-03-31T16:00:00Z", "Asia/Shanghai", "2026-Q1"],
  ])("at %s in %s is %s", (now, zone, quarter) => {
    expect(lastEndedQuarter(new Date(now), zone)).toBe(quarter);
  });
});
