/** Every page has one address, and reading the address back gives the same page. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hrefOf, parseRoute, type Route } from "#web/routes";

const EXAMPLES: [string, Route][] = [
  ["", { page: "home" }],
  ["#/", { page: "home" }],
  ["#/nowhere", { page: "home" }],
  ["#/rankings", { page: "rankings" }],
  ["#/lines/pl-kettle", { page: "line", id: "pl-kettle" }],
  ["#/lines", { page: "rankings" }],
  ["#/review", { page: "review" }],
  ["#/review/2026-Q3", { page: "review", quarter: "2026-Q3" }],
  ["#/notices", { page: "notices" }],
  ["#/notices/n-1", { page: "notice", id: "n-1" }],
  ["#/awards/2026", { page: "awards", period: "2026" }],
  ["#/awards/2026/stage", { page: "stage", period: "2026" }],
  ["#/listen", { page: "listen" }],
  ["#/listen/unit/bu-home", { page: "listen", scope: "unit", id: "bu-home" }],
  ["#/listen/shelf/x", { page: "listen" }],
  ["#/quarantine", { page: "quarantine" }],
  ["#/lines/%E7%A9%BA", { page: "line", id: "空" }],
  ["#/lines/%E0%A4%A", { page: "line", id: "%E0%A4%A" }],
];

describe("routes", () => {
  it.each(EXAMPLES)("%s is %o", (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });

  it("read back what they write, whatever the id holds", () => {
    const id = fc.string({ minLength: 1 });
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.constantFrom<Route>(
        { page: "home" },
        { page: "rankings" },
        { page: "notices" },
        { page: "andons" },
        { page: "chases" },
        { page: "problems" },
        { page: "policy" },
        { page: "quarantine" },
        { page: "notifications" },
        { page: "review" },
        { page: "awards" },
        { page: "listen" },
      ),
      id.map((v): Route => ({ page: "line", id: v })),
      id.map((v): Route => ({ page: "notice", id: v })),
      id.map((v): Route => ({ page: "review", quarter: v })),
      id.map((v): Route => ({ page: "awards", period: v })),
      id.map((v): Route => ({ page: "stage", period: v })),
      fc
        .tuple(fc.constantFrom("line" as const, "unit" as const), id)
        .map(([scope, v]): Route => ({ page: "listen", scope, id: v })),
    );
    fc.assert(
      fc.property(route, (r) => {
        expect(parseRoute(hrefOf(r))).toEqual(r);
      }),
    );
  });
});
