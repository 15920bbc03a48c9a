import { describe, expect, it } from "vitest";
import { addDays, dayNumber, daysIn, dayText, isCalendarDay, utcMillis } from "#core/calendar-day";

describe("isCalendarDay", () => {
  it.each([
    ["2026-06-30", true],
    ["2026-02-28", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["2026-12-31", true],
    ["0001-01-01", true],
    ["2026-02-29", false],
    ["1900-02-29", false],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-01-32", false],
    ["2026-6-30", false],
    ["26-06-30", false],
    ["2026/06/30", false],
    ["2026-06-30T00:00", false],
    [" 2026-06-30", false],
    ["", false],
  ])("%j → %s", (text, expected) => {
    // Act
    const valid = isCalendarDay(text);

    // Assess
    expect(valid).toBe(expected);
  });
});

describe("dayNumber and dayText", () => {
  it.each([
    ["1970-01-01", 0],
    ["1970-01-02", 1],
    ["1969-12-31", -1],
    ["2000-03-01", 11017],
    ["2026-06-30", 20634],
    ["0099-01-01", -683368],
  ])("%s is day %i since the epoch, and back", (day, n) => {
    // Act
    const number = dayNumber(day);
    const text = dayText(n);

    // Assess
    expect(number).toBe(n);
    expect(text).toBe(day);
  });

  it("rejects text that is not a calendar day", () => {
    // Act
    const act = () => dayNumber("2026-02-30");

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe("utcMillis", () => {
  it.each<[number, number, number, number, number, number, string]>([
    [2026, 6, 30, 16, 30, 5, "2026-06-30T16:30:05.000Z"],
    [2024, 2, 29, 0, 0, 0, "2024-02-29T00:00:00.000Z"],
    // Date.UTC would read year 99 as 1999.
    [99, 1, 1, 0, 0, 0, "0099-01-01T00:00:00.000Z"],
  ])("%i-%i-%i %i:%i:%i → %s", (year, month, day, hour, minute, second, iso) => {
    // Act
    const millis = utcMillis(year, month, day, hour, minute, second);

    // Assess
    expect(new Date(millis).toISOString()).toBe(iso);
  });
});

describe("addDays", () => {
  it.each([
    ["2026-06-30", 1, "2026-07-01"],
    ["2026-07-01", -1, "2026-06-30"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2026-06-30", 0, "2026-06-30"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2024-01-01", 366, "2025-01-01"],
    // DST in the host's zone must not matter: the arithmetic is on UTC day numbers.
    ["2026-03-07", 2, "2026-03-09"],
    ["2026-10-31", 2, "2026-11-02"],
  ])("%s %+i days → %s", (day, n, expected) => {
    // Act
    const result = addDays(day, n);

    // Assess
    expect(result).toBe(expected);
  });

  it.each([
    ["2026-02-30", 1],
    ["2026-06-30", 1.5],
    ["2026-06-30", Number.NaN],
  ])("rejects %s %+d", (day, n) => {
    // Act
    const act = () => addDays(day, n);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe("daysIn", () => {
  it.each([
    ["2026-06-30", "2026-06-30", ["2026-06-30"]],
    ["2026-06-29", "2026-07-02", ["2026-06-29", "2026-06-30", "2026-07-01", "2026-07-02"]],
    ["2024-02-28", "2024-03-01", ["2024-02-28", "2024-02-29", "2024-03-01"]],
    ["2026-12-31", "2027-01-01", ["2026-12-31", "2027-01-01"]],
    ["2026-07-02", "2026-07-01", []],
  ])("%s..%s", (from, to, expected) => {
    // Act
    const days = daysIn(from, to);

    // Assess
    expect(days).toEqual(expected);
  });

  it.each([
    ["2026-07-01", "2026-09-30", 92],
    ["2026-01-01", "2026-12-31", 365],
    ["2024-01-01", "2024-12-31", 366],
  ])("%s..%s has %i distinct days", (from, to, count) => {
    // Act
    const days = daysIn(from, to);

    // Assess
    expect(days).toHaveLength(count);
    expect(new Set(days).size).toBe(count);
    expect(days[0]).toBe(from);
    expect(days.at(-1)).toBe(to);
  });

  it("rejects bounds that are not calendar days", () => {
    // Act
    const act = () => daysIn("2026-02-01", "2026-02-30");

    // Assess
    expect(act).toThrow(RangeError);
  });
});
