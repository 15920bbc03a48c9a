import * as z from "zod/mini";
import "./zod";

export const SIGNAL_DETAIL_TYPE = "Satisfaction Signal";

/** An EventBridge event as SQS delivers it; `detail` is a signal, validated like an HTTP one. */
export const SignalEvent = z.object({
  "detail-type": z.literal(SIGNAL_DETAIL_TYPE),
  source: z.optional(z.string()),
  detail: z.unknown(),
});
