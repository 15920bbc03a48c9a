import { describe, expect, it } from "vitest";
import { ValidationError } from "#core/errors";
import { errorResult } from "#http/api-handler";
import { STATUS_OF } from "#http/errors";
import { type ApiEvent, depthExceeds, jsonBody, MAX_JSON_DEPTH } from "#http/request";

const event = (body: string | undefined, headers: Record<string, string> = {}, isBase64Encoded = false) =>
  ({ body, headers, isBase64Encoded }) as unknown as ApiEvent;

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("jsonBody", () => {
  it.each([
    ["a JSON object", event('{"a":1}'), { a: 1 }],
    ["a base64 body", event(Buffer.from('{"b":2}').toString("base64"), {}, true), { b: 2 }],
    ["JSON with a charset", event("[1]", { "content-type": "application/json; charset=utf-8" }), [1]],
    ["JSON in upper case", event("[2]", { "Content-Type": "Application/JSON" }), [2]],
    ["JSON as deep as allowed", event(nested(MAX_JSON_DEPTH)), JSON.parse(nested(MAX_JSON_DEPTH))],
  ])("parses %s", (_what, e, expected) => {
    expect(jsonBody(e)).toEqual(expected);
  });

  it.each([
    ["no body", event(undefined), 400, undefined],
    ["malformed JSON", event("{"), 400, undefined],
    ["JSON nested too deeply", event(nested(MAX_JSON_DEPTH + 1)), 400, undefined],
    ["JSON nested 100,000 deep", event(nested(100_000)), 400, undefined],
    [
      "another media type",
      event("a=1", { "content-type": "application/x-www-form-urlencoded" }),
      415,
      undefined,
    ],
    ["application/json-seq", event("[1]", { "content-type": "application/json-seq" }), 415, undefined],
    ["application/jsonx", event("[1]", { "content-type": "application/jsonx" }), 415, undefined],
    ["a vendor +json type", event("[1]", { "content-type": "application/vnd.x+json" }), 415, undefined],
    ["text/json", event("[1]", { "content-type": "text/json" }), 415, undefined],
    ["a body over the limit", event(`"${"x".repeat(100)}"`), 413, 50],
  ])("refuses %s with %i", (_what, e, status, limit) => {
    let error: unknown;
    try {
      jsonBody(e, limit);
    } catch (caught) {
      error = caught;
    }
    expect(errorResult(error).statusCode).toBe(status);
  });

  it.each([
    ["no body", event(undefined)],
    ["malformed JSON", event("{")],
    ["JSON nested too deeply", event(nested(MAX_JSON_DEPTH + 1))],
  ])("names the body as the field at fault when it is refused for %s", (_what, e) => {
    let error: unknown;
    try {
      jsonBody(e);
    } catch (caught) {
      error = caught;
    }
    const answer = errorResult(error);
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body).error.details).toEqual([{ path: "body", message: expect.any(String) }]);
  });
});

describe("depthExceeds", () => {
  it.each([
    [1, 0, false],
    [{ a: 1 }, 1, false],
    [{ a: { b: 1 } }, 1, true],
    [[[[]]], 3, false],
    [[[[]]], 2, true],
  ])("%j beyond %i levels: %s", (value, limit, expected) => {
    expect(depthExceeds(value, limit)).toBe(expected);
  });
});

describe("the error policy", () => {
  it("gives a client its error with field details", () => {
    const response = errorResult(
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
    const response = errorResult(new Error("connect ECONNREFUSED 127.0.0.1:8000 table secret-table"));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("ECONNREFUSED");
    expect(JSON.parse(response.body)).toEqual({ error: { code: "internal", message: "Internal error" } });
  });

  it("maps every error code to a status in one table", () => {
    expect(STATUS_OF).toMatchObject({
      validation_failed: 400,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
    });
  });

  it("never caches an answer nor lets a browser sniff it", () => {
    expect(errorResult(new Error("x")).headers).toMatchObject({
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });
});
