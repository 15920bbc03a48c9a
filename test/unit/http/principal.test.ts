import { describe, expect, it } from "vitest";
import { claimList, principalFromClaims } from "#http/principal";

describe("claimList", () => {
  it.each([
    [
      ["cco", "executive"],
      ["cco", "executive"],
    ],
    ["[cco executive]", ["cco", "executive"]],
    ['["cco","bu-head"]', ["cco", "bu-head"]],
    ["bu-1,bu-2", ["bu-1", "bu-2"]],
    ["single", ["single"]],
    ["", []],
    [undefined, []],
    [42, []],
  ])("reads %j as %j", (value, expected) => {
    expect(claimList(value)).toEqual(expected);
  });
});

describe("principalFromClaims", () => {
  it("merges roles and cognito groups, drops unknown roles and reads business units", () => {
    const principal = principalFromClaims({
      sub: "u1",
      roles: "[bu-head admin]",
      "cognito:groups": "[executive]",
      businessUnitIds: "[bu-a bu-b]",
    });
    expect(principal).toEqual({
      sub: "u1",
      roles: ["bu-head", "executive"],
      businessUnitIds: ["bu-a", "bu-b"],
    });
  });

  it("refuses a request without claims", () => {
    expect(() => principalFromClaims(undefined)).toThrow(/Sign-in required/);
  });
});
