import * as z from "zod/mini";
import { Id } from "./common";
import { Channel, Reason, Severity, SignalKind } from "./signal";
import "./zod";

/** `GET /v1/voices`: one business unit's or one product line's stream (at least one of them). */
export const VoicesQuery = z.object({
  businessUnitId: z.optional(Id),
  productLineId: z.optional(Id),
  /** Only negative experiences (`true`); all voices otherwise. */
  negativeOnly: z.optional(z.enum(["true", "false"])),
});
export type VoicesQuery = z.infer<typeof VoicesQuery>;

/**
 * A customer's voice as listen-in shows it: their words (PII masked at ingest) and what they
 * rated. Never the customer reference, not even its pseudonym, nor the order reference.
 */
export const Voice = z.object({
  signalId: z.string(),
  productLineId: z.string(),
  businessUnitId: z.string(),
  occurredAt: z.string(),
  channel: Channel,
  kind: SignalKind,
  score: z.optional(z.int()),
  severity: z.optional(Severity),
  reasons: z.optional(z.array(Reason)),
  negative: z.boolean(),
  text: z.string(),
  locale: z.optional(z.string()),
});
export type Voice = z.infer<typeof Voice>;
