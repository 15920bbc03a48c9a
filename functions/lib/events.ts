/**
 * The one publisher of governance events (DESIGN §4, "Events"): every event Strawberry announces
 * goes out through `publishEvents`, in `PutEvents` calls of at most 10 entries and 256 KB, with
 * the entries EventBridge refused retried (with backoff) until they are accepted or the attempts
 * run out, which throws a `PublishError` naming what was not published: never a silent drop.
 *
 * Deployed, the transport is EventBridge; the local runtime installs its in-process bus behind the
 * same interface (`useEventTransport`), so the code above it is the same in both.
 */
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { GOVERNANCE_SOURCE, type GovernanceEvent } from "#schemas/events";
import { backoff } from "./backoff";
import { eventBusName } from "./config";

/** An entry as a bus takes it. */
export interface BusEntry {
  source: string;
  detailType: string;
  /** JSON text of the detail. */
  detail: string;
}

/** Why a bus refused one entry. */
export interface EntryFailure {
  code: string;
  message: string;
}

/** A bus: answers, position by position, which entries it refused (undefined: accepted). */
export interface EventTransport {
  put(entries: readonly BusEntry[]): Promise<readonly (EntryFailure | undefined)[]>;
}

/** EventBridge's limits on one `PutEvents` call. */
export const MAX_ENTRIES_PER_CALL = 10;
export const MAX_CALL_BYTES = 256 * 1024;
/** Tries per entry, the first included. */
export const MAX_PUBLISH_ATTEMPTS = 5;

// Refusals that another try cannot fix.
const PERMANENT = new Set([
  "ValidationException",
  "MalformedDetail",
  "AccessDeniedException",
  "InvalidArgument",
]);

/** An event the bus did not take: its position in the list given to `publishEvents`, and why. */
export interface FailedEvent {
  index: number;
  detailType: string;
  code: string;
  message: string;
}

export class PublishError extends Error {
  override name = "PublishError";
  constructor(readonly failed: readonly FailedEvent[]) {
    super(
      `${failed.length} event(s) not published: ${failed
        .slice(0, 3)
        .map((f) => `${f.detailType} (${f.code}: ${f.message})`)
        .join("; ")}`,
    );
  }
}

let client: EventBridgeClient | undefined;

const eventBridge: EventTransport = {
  async put(entries) {
    client ??= new EventBridgeClient({});
    const out = await client.send(
      new PutEventsCommand({
        Entries: entries.map((e) => ({
          EventBusName: eventBusName(),
          Source: e.source,
          DetailType: e.detailType,
          Detail: e.detail,
        })),
      }),
    );
    return entries.map((_, i) => {
      const result = out.Entries?.[i];
      if (result === undefined)
        return { code: "NoResult", message: "EventBridge gave no result for the entry" };
      return result.ErrorCode ? { code: result.ErrorCode, message: result.ErrorMessage ?? "" } : undefined;
    });
  },
};

let transport: EventTransport = eventBridge;

/** Replaces the bus (the local runtime's in-process bus); `undefined` restores EventBridge. */
export const useEventTransport = (replacement: EventTransport | undefined): void => {
  transport = replacement ?? eventBridge;
};

/** An entry's size as EventBridge counts it: source, detail type and detail in UTF-8, plus the time. */
export const entrySize = (entry: BusEntry): number =>
  14 +
  Buffer.byteLength(entry.source) +
  Buffer.byteLength(entry.detailType) +
  Buffer.byteLength(entry.detail);

/** Groups entries into calls within both limits, in order. */
export const planCalls = <E extends BusEntry>(entries: readonly E[]): E[][] => {
  const calls: E[][] = [];
  let current: E[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (current.length > 0 && (current.length === MAX_ENTRIES_PER_CALL || bytes + size > MAX_CALL_BYTES)) {
      calls.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) calls.push(current);
  return calls;
};

/**
 * Publishes governance events; resolves once the bus has accepted every one.
 * @throws PublishError naming the events still refused after {@link MAX_PUBLISH_ATTEMPTS} tries, or
 * refused for good (too large, malformed).
 */
export const publishEvents = async (events: readonly GovernanceEvent[]): Promise<void> => {
  const failed: FailedEvent[] = [];
  const entries: (BusEntry & { index: number })[] = [];
  events.forEach((event, index) => {
    const entry = {
      source: GOVERNANCE_SOURCE,
      detailType: event.detailType,
      detail: JSON.stringify(event.detail),
    };
    if (entrySize(entry) > MAX_CALL_BYTES)
      failed.push({
        index,
        detailType: event.detailType,
        code: "TooLarge",
        message: `Over ${MAX_CALL_BYTES} bytes`,
      });
    else entries.push({ ...entry, index });
  });
  for (const call of planCalls(entries)) {
    let pending = call;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const results = await transport.put(pending.map(({ index: _index, ...entry }) => entry));
      const retry: typeof pending = [];
      pending.forEach((entry, i) => {
        const failure = results[i];
        if (!failure) return;
        if (PERMANENT.has(failure.code) || attempt + 1 >= MAX_PUBLISH_ATTEMPTS)
          failed.push({ index: entry.index, detailType: entry.detailType, ...failure });
        else retry.push(entry);
      });
      pending = retry;
    }
  }
  if (failed.length > 0) throw new PublishError(failed.sort((a, b) => a.index - b.index));
};
