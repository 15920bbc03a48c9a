/**
 * Wrappers for the functions that are not behind the API: SQS batches, EventBridge rule targets and
 * schedules. Each gets the same Powertools chain as the API functions and parses its input with a
 * schema; failures propagate, so Lambda retries them and the dead-letter queue keeps what never
 * succeeds (nothing is dropped silently).
 */
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import middy from "@middy/core";
import type { EventBridgeEvent, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import type * as z from "zod/mini";
import { fieldErrorsOf } from "#schemas/error";
import { logger, metrics, tracer } from "./powertools";

export interface HandlerOptions {
  /** The handler records business metrics, published after each call. @default true */
  metrics?: boolean;
}

/**
 * Publishes the metrics a call recorded, after it or on its error, as Powertools' `logMetrics`
 * does, but only when it recorded some: `logMetrics` warns "No application metrics to publish" on
 * every call that records none (the outbox relay's, every minute), noise in every log group.
 */
const publishRecordedMetrics = () => {
  const publish = () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: publish, onError: publish };
};

/** The Powertools chain every function starts with: traces, structured logs, metrics. */
export const powertoolsChain = <E, R>(options: HandlerOptions = {}) => {
  const chain = middy<E, R>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }));
  if (options.metrics ?? true) chain.use(publishRecordedMetrics());
  return chain;
};

/**
 * An SQS event source that reports partial batch failures: `process` answers the records that
 * failed, and only those come back (up to the queue's receive limit, then the dead-letter queue).
 */
export const sqsHandler = (
  process: (records: readonly SQSRecord[]) => Promise<SQSBatchResponse>,
  options?: HandlerOptions,
) => powertoolsChain<SQSEvent, SQSBatchResponse>(options).handler((event) => process(event.Records));

/** Thrown when an event or schedule input does not match its schema: retried, then dead-lettered. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
}

const parseInput = <S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = fieldErrorsOf(parsed.error).map((i) => `${i.path}: ${i.message}`);
    throw new InvalidInputError(`Invalid ${what}: ${issues.join("; ")}`);
  }
  return parsed.data as z.output<S>;
};

/** An EventBridge rule target: the event's `detail`, parsed with `schema`. */
export const eventHandler = <S extends z.ZodMiniType>(
  schema: S,
  handle: (detail: z.output<S>, event: EventBridgeEvent<string, unknown>) => Promise<void>,
  options?: HandlerOptions,
) =>
  powertoolsChain<EventBridgeEvent<string, unknown>, void>(options).handler((event) =>
    handle(parseInput(schema, event.detail, `${event["detail-type"]} detail`), event),
  );

/** An EventBridge Scheduler target: the schedule's input, parsed with `schema`. */
export const scheduledHandler = <S extends z.ZodMiniType, R>(
  schema: S,
  handle: (input: z.output<S>) => Promise<R>,
  options?: HandlerOptions,
) =>
  powertoolsChain<unknown, R>(options).handler((event) =>
    handle(parseInput(schema, event, "schedule input")),
  );
