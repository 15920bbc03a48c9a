import * as z from "zod/mini";
import "./zod";

export const SIGNAL_DETAIL_TYPE = "Satisfaction Signal";

/** An EventBridge event as SQS delivers it; `detail` is a signal, validated like an HTTP one. */
export const SignalEvent = z.object({
  "detail-type": z.literal(SIGNAL_DETAIL_TYPE),
  source: z.optional(z.string()),
  detail: z.unknown(),
});

/** Local mode only: `POST /v1/dev/events`, shaped like EventBridge PutEvents entries. */
export const DevEventsRequest = z.object({
  entries: z
    .array(
      z.object({
        source: z.string().check(z.minLength(1)),
        "detail-type": z.string().check(z.minLength(1)),
        detail: z.unknown(),
      }),
    )
    .check(z.minLength(1), z.maxLength(500)),
});
