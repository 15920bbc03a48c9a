/** The wrappers for SQS, EventBridge and schedule targets. */

import { MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Context, EventBridgeEvent, SQSRecord } from "aws-lambda";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { eventHandler, InvalidInputError, scheduledHandler, sqsHandler } from "#lib/handlers";
import { metrics } from "#lib/powertools";

const context = { functionName: "probe", awsRequestId: "r1" } as Context;
const record = (messageId: string, body: string) => ({ messageId, body }) as SQSRecord;

describe("sqsHandler", () => {
  it("hands the records over and answers the failures the function reports", async () => {
    const handler = sqsHandler(
      async (records) => ({
        batchItemFailures: records
          .filter((r) => r.body === "bad")
          .map((r) => ({ itemIdentifier: r.messageId })),
      }),
      { metrics: false },
    );
    const answer = await handler({ Records: [record("m1", "ok"), record("m2", "bad")] }, context);
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: "m2" }] });
  });
});

describe("eventHandler", () => {
  const Detail = z.object({ noticeId: z.string() });
  const seen: string[] = [];
  const handler = eventHandler(
    Detail,
    async (detail) => {
      seen.push(detail.noticeId);
    },
    { metrics: false },
  );
  const event = (detail: unknown) =>
    ({ "detail-type": "Notice Issued", source: "strawberry.governance", detail }) as EventBridgeEvent<
      string,
      unknown
    >;

  it("parses the detail with its schema", async () => {
    await handler(event({ noticeId: "n-1" }), context);
    expect(seen).toEqual(["n-1"]);
  });

  it("throws on a detail outside the schema, naming the field, so Lambda retries and dead-letters it", async () => {
    await expect(handler(event({ noticeId: 7 }), context)).rejects.toThrow(InvalidInputError);
    await expect(handler(event({}), context)).rejects.toThrow(/Notice Issued detail: noticeId/);
  });
});

describe("scheduledHandler", () => {
  const handler = scheduledHandler(
    z.object({ job: z.literal("review") }),
    async (input) => `ran ${input.job}`,
    {
      metrics: false,
    },
  );

  it("parses the schedule's input and answers what the job answers", async () => {
    expect(await handler({ job: "review" }, context)).toBe("ran review");
  });

  it("refuses another input", async () => {
    await expect(handler({ job: "awards" }, context)).rejects.toThrow(/schedule input: job/);
  });
});

describe("metrics", () => {
  it("publishes what a call recorded, and writes no warning for a call that recorded none", async () => {
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(capture);
    try {
      // The outbox relay records nothing, every minute: Powertools' logMetrics warned each time.
      await scheduledHandler(z.unknown(), async () => undefined)({}, context);
      expect(written.join("")).not.toMatch(/No application metrics/);
      await scheduledHandler(z.unknown(), async () => {
        metrics.addMetric("Probe", MetricUnit.Count, 1);
      })({}, context);
      expect(metrics.hasStoredMetrics()).toBe(false);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
