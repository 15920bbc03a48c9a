/** The one publisher: batches within EventBridge's limits, retries what was refused, never drops silently. */
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from "@aws-sdk/client-eventbridge";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type BusEntry,
  MAX_CALL_BYTES,
  MAX_PUBLISH_ATTEMPTS,
  PublishError,
  planCalls,
  publishEvents,
  useEventTransport,
} from "#lib/events";
import type { GovernanceEvent } from "#schemas/events";

const eventBridge = mockClient(EventBridgeClient);

const events = (count: number, detail: Record<string, unknown> = {}): GovernanceEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    detailType: "Notice Issued",
    detail: { noticeId: `n-${i}`, ...detail },
  }));

const entriesOf = (call: number) =>
  (eventBridge.commandCalls(PutEventsCommand)[call]?.args[0].input.Entries ?? []) as PutEventsRequestEntry[];

const accepted = (entries: PutEventsRequestEntry[] = []) => ({
  FailedEntryCount: 0,
  Entries: entries.map((_, i) => ({ EventId: `e-${i}` })),
});

beforeEach(() => {
  process.env.EVENT_BUS_NAME = "strawberry-governance-test";
  useEventTransport(undefined);
});
afterEach(() => {
  eventBridge.reset();
});

describe("publishEvents", () => {
  it("puts events on the governance bus in calls of at most 10, as strawberry.governance", async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake((input) => accepted(input.Entries));

    // Act
    await publishEvents(events(25));

    // Assess
    expect(eventBridge.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries?.length)).toEqual([
      10, 10, 5,
    ]);
    expect(entriesOf(0)[0]).toEqual({
      EventBusName: "strawberry-governance-test",
      Source: "strawberry.governance",
      DetailType: "Notice Issued",
      Detail: JSON.stringify({ noticeId: "n-0" }),
    });
  });

  it("retries only the entries EventBridge refused, until they are accepted", async () => {
    // Prepare: the third entry is throttled once.
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [
          { EventId: "a" },
          { EventId: "b" },
          { ErrorCode: "ThrottlingException", ErrorMessage: "slow down" },
        ],
      })
      .callsFake((input) => accepted(input.Entries));

    // Act
    await publishEvents(events(3));

    // Assess
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
    expect(entriesOf(1).map((e) => JSON.parse(e.Detail ?? "{}").noticeId)).toEqual(["n-2"]);
  });

  it(`gives up after ${MAX_PUBLISH_ATTEMPTS} tries and names what was not published`, async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: "InternalException", ErrorMessage: "try again" }],
    });
    await expect(publishEvents(events(1))).rejects.toThrow(PublishError);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(MAX_PUBLISH_ATTEMPTS);
  });

  it("does not retry a refusal another try cannot fix", async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: "MalformedDetail", ErrorMessage: "bad detail" }],
    });
    const failure = await publishEvents(events(1)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PublishError);
    expect((failure as PublishError).failed).toEqual([
      { index: 0, detailType: "Notice Issued", code: "MalformedDetail", message: "bad detail" },
    ]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it("refuses an event over EventBridge's size limit without sending it, and still sends the rest", async () => {
    eventBridge.on(PutEventsCommand).callsFake((input) => accepted(input.Entries));
    const huge: GovernanceEvent = {
      detailType: "Awards Published",
      detail: { text: "x".repeat(MAX_CALL_BYTES) },
    };
    await expect(publishEvents([huge, ...events(2)])).rejects.toThrow(/Awards Published \(TooLarge/);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(1);
    expect(entriesOf(0)).toHaveLength(2);
  });

  it("lets a failure of the whole call surface", async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error("AccessDeniedException: not allowed"));
    await expect(publishEvents(events(1))).rejects.toThrow(/not allowed/);
  });

  it("publishes through another transport when one is installed (the local bus)", async () => {
    const seen: BusEntry[] = [];
    useEventTransport({
      put: async (entries) => {
        seen.push(...entries);
        return entries.map(() => undefined);
      },
    });
    await publishEvents(events(2));
    expect(seen.map((e) => e.detailType)).toEqual(["Notice Issued", "Notice Issued"]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});

describe("planCalls", () => {
  it("keeps each call within 256 KB as well as 10 entries, in order", () => {
    const entry = (i: number): BusEntry => ({
      source: "s",
      detailType: "t",
      detail: JSON.stringify({ i, pad: "x".repeat(100 * 1024) }),
    });
    const calls = planCalls(Array.from({ length: 5 }, (_, i) => entry(i)));
    expect(calls.map((c) => c.length)).toEqual([2, 2, 1]);
    expect(calls.flat().map((e) => JSON.parse(e.detail).i)).toEqual([0, 1, 2, 3, 4]);
  });
});
