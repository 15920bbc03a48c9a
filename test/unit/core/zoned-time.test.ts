import { describe, expect, it } from "vitest";
import { addDays, daysIn } from "#core/calendar-day";
import { quarterOf } from "#core/period";
import { dayOf, startOfDayInstant } from "#core/zoned-time";

const SH = "Asia/Shanghai";
const NY = "America/New_York";

describe("dayOf", () => {
  // The Q2/Q3 boundary (30 June → 1 July) seen from several offsets and three zones.
  it.each([
    // +08:00, the policy's default zone itself
    ["2026-06-30T23:30:00+08:00", SH, "2026-06-30", "2026-Q2"],
    ["2026-06-30T23:59:59.999+08:00", SH, "2026-06-30", "2026-Q2"],
    ["2026-07-01T00:00:00+08:00", SH, "2026-07-01", "2026-Q3"],
    ["2026-06-30T23:30:00+08:00", "UTC", "2026-06-30", "2026-Q2"],
    ["2026-06-30T23:30:00+08:00", NY, "2026-06-30", "2026-Q2"],
    ["2026-07-01T12:30:00+08:00", NY, "2026-07-01", "2026-Q3"],
    ["2026-07-01T11:59:59+08:00", NY, "2026-06-30", "2026-Q2"],
    // Z
    ["2026-06-30T15:59:59.999Z", SH, "2026-06-30", "2026-Q2"],
    ["2026-06-30T16:00:00Z", SH, "2026-07-01", "2026-Q3"],
    ["2026-06-30T16:30:00Z", SH, "2026-07-01", "2026-Q3"],
    ["2026-06-30T23:59:59Z", "UTC", "2026-06-30", "2026-Q2"],
    ["2026-07-01T00:00:00Z", "UTC", "2026-07-01", "2026-Q3"],
    ["2026-07-01T03:59:59Z", NY, "2026-06-30", "2026-Q2"],
    ["2026-07-01T04:00:00Z", NY, "2026-07-01", "2026-Q3"],
    // -05:00: New York keeps -04:00 in summer, so the offset written is not the zone's
    ["2026-06-30T19:30:00-05:00", SH, "2026-07-01", "2026-Q3"],
    ["2026-06-30T19:30:00-05:00", "UTC", "2026-07-01", "2026-Q3"],
    ["2026-06-30T19:30:00-05:00", NY, "2026-06-30", "2026-Q2"],
    ["2026-06-30T23:30:00-05:00", NY, "2026-07-01", "2026-Q3"],
    ["2026-06-30T10:59:59-05:00", SH, "2026-06-30", "2026-Q2"],
    ["2026-06-30T11:00:00-05:00", SH, "2026-07-01", "2026-Q3"],
    // +05:30
    ["2026-07-01T00:00:00+05:30", SH, "2026-07-01", "2026-Q3"],
    ["2026-07-01T00:00:00+05:30", "UTC", "2026-06-30", "2026-Q2"],
    ["2026-07-01T05:29:59+05:30", "UTC", "2026-06-30", "2026-Q2"],
    ["2026-07-01T05:30:00+05:30", "UTC", "2026-07-01", "2026-Q3"],
    ["2026-07-01T09:29:59+05:30", NY, "2026-06-30", "2026-Q2"],
    ["2026-07-01T09:30:00+05:30", NY, "2026-07-01", "2026-Q3"],
    ["2026-07-01T00:00:00+05:30", "Asia/Kolkata", "2026-07-01", "2026-Q3"],
    // Year boundary: Q4 → Q1 of the next year
    ["2026-12-31T15:59:59Z", SH, "2026-12-31", "2026-Q4"],
    ["2026-12-31T16:00:00Z", SH, "2027-01-01", "2027-Q1"],
    ["2027-01-01T04:59:59Z", NY, "2026-12-31", "2026-Q4"],
    ["2027-01-01T05:00:00Z", NY, "2027-01-01", "2027-Q1"],
    // Other quarter boundaries in Shanghai
    ["2026-03-31T16:00:00Z", SH, "2026-04-01", "2026-Q2"],
    ["2026-09-30T15:59:59Z", SH, "2026-09-30", "2026-Q3"],
    ["2026-09-30T16:00:00Z", SH, "2026-10-01", "2026-Q4"],
    // Across New York's DST changes
    ["2026-03-08T04:59:59Z", NY, "2026-03-07", "2026-Q1"],
    ["2026-03-08T05:00:00Z", NY, "2026-03-08", "2026-Q1"],
    ["2026-11-01T03:59:59Z", NY, "2026-10-31", "2026-Q4"],
    ["2026-11-01T04:00:00Z", NY, "2026-11-01", "2026-Q4"],
  ])("%s in %s is %s (%s)", (instant, zone, day, quarter) => {
    // Act
    const result = dayOf(instant, zone);

    // Assess
    expect(result).toBe(day);
    expect(quarterOf(result)).toBe(quarter);
  });

  it("accepts a Date as well as text", () => {
    // Prepare
    const instant = new Date("2026-06-30T16:30:00Z");

    // Act
    const day = dayOf(instant, SH);

    // Assess
    expect(day).toBe("2026-07-01");
  });

  it("pads years before 1000 to four digits", () => {
    // Act
    const day = dayOf("0999-03-04T12:00:00Z", "UTC");

    // Assess
    expect(day).toBe("0999-03-04");
  });

  it.each([["not a date"], [""], ["2026-13-01T00:00:00Z"]])("rejects the instant %j", (instant) => {
    // Act
    const act = () => dayOf(instant, SH);

    // Assess
    expect(act).toThrow(RangeError);
  });

  it("rejects an invalid Date", () => {
    // Act
    const act = () => dayOf(new Date(Number.NaN), SH);

    // Assess
    expect(act).toThrow(RangeError);
  });

  it("rejects an unknown time zone", () => {
    // Act
    const act = () => dayOf("2026-06-30T00:00:00Z", "Mars/Olympus_Mons");

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe("startOfDayInstant", () => {
  it.each([
    ["2026-07-01", SH, "2026-06-30T16:00:00.000Z"],
    ["2027-01-01", SH, "2026-12-31T16:00:00.000Z"],
    ["2026-07-01", "UTC", "2026-07-01T00:00:00.000Z"],
    ["2026-07-01", NY, "2026-07-01T04:00:00.000Z"],
    ["2026-01-01", NY, "2026-01-01T05:00:00.000Z"],
    // New York springs forward at 02:00 on 8 March 2026 and falls back at 02:00 on 1 November.
    ["2026-03-08", NY, "2026-03-08T05:00:00.000Z"],
    ["2026-03-09", NY, "2026-03-09T04:00:00.000Z"],
    ["2026-11-01", NY, "2026-11-01T04:00:00.000Z"],
    ["2026-11-02", NY, "2026-11-02T05:00:00.000Z"],
    ["2026-07-01", "Asia/Kolkata", "2026-06-30T18:30:00.000Z"],
    ["2026-07-01", "Pacific/Kiritimati", "2026-06-30T10:00:00.000Z"],
    ["2026-03-29", "Europe/London", "2026-03-29T00:00:00.000Z"],
    ["2026-10-25", "Europe/London", "2026-10-24T23:00:00.000Z"],
    ["2026-10-04", "Australia/Lord_Howe", "2026-10-03T13:30:00.000Z"],
    // Santiago changes clocks at midnight: in September midnight does not exist (the day begins at
    // 01:00), in April the last hour of Saturday repeats.
    ["2024-09-08", "America/Santiago", "2024-09-08T04:00:00.000Z"],
    ["2024-04-07", "America/Santiago", "2024-04-07T04:00:00.000Z"],
    // Havana springs forward at midnight and falls back from 01:00 to midnight (midnight twice).
    ["2026-03-08", "America/Havana", "2026-03-08T05:00:00.000Z"],
    ["2026-11-01", "America/Havana", "2026-11-01T04:00:00.000Z"],
  ])("%s in %s begins at %s", (day, zone, expected) => {
    // Act
    const start = startOfDayInstant(day, zone);

    // Assess
    expect(start.toISOString()).toBe(expected);
  });

  it.each([
    ["UTC"],
    [SH],
    [NY],
    ["Asia/Kolkata"],
    ["Europe/London"],
    ["Australia/Lord_Howe"],
    ["America/Santiago"],
    ["America/Havana"],
    ["Pacific/Kiritimati"],
  ])("begins every day of 2024–2026 in %s at the first instant of that day", (zone) => {
    // Prepare
    const days = daysIn("2024-01-01", "2026-12-31");

    for (const day of days) {
      // Act
      const start = startOfDayInstant(day, zone).getTime();

      // Assess: the day has begun at `start`, and had not one millisecond earlier.
      expect(dayOf(new Date(start), zone)).toBe(day);
      expect(dayOf(new Date(start - 1), zone)).toBe(addDays(day, -1));
    }
  });

  it("rejects a day that does not exist", () => {
    // Act
    const act = () => startOfDayInstant("2026-02-30", SH);

    // Assess
    expect(act).toThrow(RangeError);
  });
});
