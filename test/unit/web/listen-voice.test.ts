/** Listen-in's pure parts: the voices address, what a unit head may pick, and the picker's values. */
import { describe, expect, it } from "vitest";
import { CHANNELS, SEVERITIES, SIGNAL_KINDS } from "#schemas/signal";
import { MESSAGES } from "#web/i18n";
import {
  CHANNEL_LABELS,
  KIND_LABELS,
  listenableScopes,
  parseScopeValue,
  SEVERITY_LABELS,
  scopeValue,
  voicesPath,
} from "#web/listen-voice";

describe("voicesPath", () => {
  it("names the unit or the line, the filter, the page size and the cursor", () => {
    expect(voicesPath("unit", "bu-a")).toBe("/v1/voices?businessUnitId=bu-a&limit=50");
    expect(voicesPath("line", "pl 1", { negativeOnly: true, cursor: "a+b/c=", limit: 20 })).toBe(
      "/v1/voices?productLineId=pl+1&negativeOnly=true&limit=20&cursor=a%2Bb%2Fc%3D",
    );
  });
});

describe("listenableScopes", () => {
  const units = [{ id: "bu-a" }, { id: "bu-b" }];
  const lines = [
    { id: "pl-1", businessUnitId: "bu-a" },
    { id: "pl-2", businessUnitId: "bu-b" },
  ];
  it("offers everything to a role that reads every unit", () => {
    expect(listenableScopes(units, lines, null)).toEqual({ units, lines });
  });
  it("offers a unit head only their units and those units' lines", () => {
    expect(listenableScopes(units, lines, ["bu-b"])).toEqual({
      units: [{ id: "bu-b" }],
      lines: [{ id: "pl-2", businessUnitId: "bu-b" }],
    });
    expect(listenableScopes(units, lines, [])).toEqual({ units: [], lines: [] });
  });
});

describe("scope values", () => {
  it("round-trips, ids with colons included", () => {
    expect(parseScopeValue(scopeValue("line", "pl:odd"))).toEqual({ scope: "line", id: "pl:odd" });
    expect(parseScopeValue(scopeValue("unit", "bu-a"))).toEqual({ scope: "unit", id: "bu-a" });
  });
  it("refuses anything else", () => {
    for (const value of ["", "unit:", ":bu-a", "team:bu-a", "bu-a"])
      expect(parseScopeValue(value)).toBeNull();
  });
});

it("words every channel, kind and severity in both languages", () => {
  const keys = [
    ...CHANNELS.map((c) => CHANNEL_LABELS[c]),
    ...SIGNAL_KINDS.map((k) => KIND_LABELS[k]),
    ...SEVERITIES.map((s) => SEVERITY_LABELS[s]),
  ];
  for (const key of keys) {
    expect(MESSAGES.en[key]).toBeTruthy();
    expect(MESSAGES["zh-CN"][key]).toBeTruthy();
  }
  expect(new Set(keys.map((k) => MESSAGES.en[k])).size).toBe(keys.length);
});
