import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../functions/core/errors";
import { type ApiEvent, errorResponse, jsonBody } from "../../../functions/lib/http";

const event = (body: string | undefined, headers: Record<string, string> = {}, isBase64Encoded = false) =>
  ({ body, headers, isBase64Encoded }) as unknown as ApiEvent;

describe("jsonBody", () => {
  it.each([
    ["a JSON object", event('{"a":1}'), { a: 1 }],
    ["a base64 body", event(Buffer.from('{"b":2}').toString("base64"), {}, true), { b: 2 }],
    ["a vendor JSON type", event("[1]", { "content-type": "application/vnd.x+json" }), [1]],
  ])("parses %s", (_what, e, expected) => {
    expect(jsonBody(e)).toEqual(expected);
  });

  it.each([
    ["no body", event(undefined), 400, undefined],
    ["malformed JSON", event("{"), 400, undefined],
    [
      "another media type",
      event("a=1", { "content-type": "application/x-www-form-urlencoded" }),
      415,
      undefined,
    ],
    ["a body over the limit", event(`"${"x".repeat(100)}"`), 413, 50],
  ])("refuses %s with %i", (_what, e, status, limit) => {
    expect(() => jsonBody(e, limit)).toThrow(expect.objectContaining({ status }));
  });
});

describe("errorResponse", () => {
  it("gives a client its error with field details", () => {
    const response = errorResponse(
      new ValidationError("Invalid", [{ path: "signals.0.score", message: "Too big" }]),
    );
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      error: {
        code: "validation_failed",
        message: "Invalid",
        details: [{ path: "signals.0.score", message: "Too big" }],
      },
    });
  });

  it("says nothing about internals on a server fault", () => {
    const response = errorResponse(new Error("connect ECONNREFUSED 127.0.0.1:8000 table secret-table"));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("ECONNREFUSED");
    expect(JSON.parse(response.body)).toEqual({ error: { code: "internal", message: "Internal error" } });
  });
});
