import * as z from "zod/mini";
import { text } from "./common";
import { documentedAs } from "./documented";
import { FieldError } from "./error";
import "./zod";

export const CHANNELS = [
  "hotline",
  "chat",
  "app",
  "social",
  "store",
  "email",
  "survey",
  "review-site",
] as const;
export const SIGNAL_KINDS = ["csat", "nps", "review", "complaint"] as const;
export const SEVERITIES = ["minor", "major", "critical"] as const;
export const REASONS = [
  "quality",
  "logistics",
  "description-mismatch",
  "service-attitude",
  "price",
  "safety",
  "other",
] as const;

export const Channel = z.enum(CHANNELS);
export const SignalKind = z.enum(SIGNAL_KINDS);
export const Severity = z.enum(SEVERITIES);
export const Reason = z.enum(REASONS);
export type Channel = z.infer<typeof Channel>;
export type SignalKind = z.infer<typeof SignalKind>;
export type Severity = z.infer<typeof Severity>;
export type Reason = z.infer<typeof Reason>;

/** Score range per kind; `complaint` carries a severity instead of a score. */
export const SCORE_RANGE = { csat: [1, 5], nps: [0, 10], review: [1, 5] } as const;

/**
 * One piece of customer feedback about one product line, as a channel sends it (DESIGN §2).
 * Rules that need the clock or the policy (`occurredAt` window) live in the domain core.
 */
export const Signal = z
  .object({
    signalId: z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(128),
        z.regex(/^[A-Za-z0-9._:-]+$/, "Must use only letters, digits and . _ : -"),
      ),
    productLineId: text(1, 64),
    channel: Channel,
    kind: SignalKind,
    score: z.optional(z.int()),
    severity: z.optional(Severity),
    reasons: z.optional(z.array(Reason).check(z.maxLength(8))),
    verbatim: z.optional(text(0, 4000)),
    customerRef: z.optional(text(0, 256)),
    orderRef: z.optional(text(0, 128)),
    occurredAt: z.iso.datetime({ offset: true, error: "Expected an ISO-8601 date-time with offset" }),
    locale: z.optional(
      z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, "Expected a BCP-47 language tag")),
    ),
  })
  .check(
    z.superRefine((s, ctx) => {
      if (s.kind === "complaint") {
        if (s.severity === undefined)
          ctx.addIssue({ code: "custom", path: ["severity"], message: "Required for a complaint" });
        if (s.score !== undefined)
          ctx.addIssue({ code: "custom", path: ["score"], message: "Must be absent for a complaint" });
        return;
      }
      if (s.severity !== undefined)
        ctx.addIssue({ code: "custom", path: ["severity"], message: "Allowed only for a complaint" });
      const [lo, hi] = SCORE_RANGE[s.kind];
      if (s.score === undefined)
        ctx.addIssue({ code: "custom", path: ["score"], message: `Required for ${s.kind}` });
      else if (s.score < lo || s.score > hi)
        ctx.addIssue({
          code: "custom",
          path: ["score"],
          message: `Must be an integer from ${lo} to ${hi} for ${s.kind}`,
        });
    }),
  );
export type Signal = z.infer<typeof Signal>;

/** Signals in one `POST /v1/signals` (DESIGN §4); the CLI batches by the same number. */
export const MAX_SIGNALS_PER_BATCH = 500;

/**
 * The body of `POST /v1/signals`. Items are validated one by one, so valid ones still land while
 * each invalid one is rejected by its index; the OpenAPI document shows them as signals.
 */
export const SignalBatch = z.object({
  signals: documentedAs(
    z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_SIGNALS_PER_BATCH)),
    z.array(Signal).check(z.minLength(1), z.maxLength(MAX_SIGNALS_PER_BATCH)),
  ),
});

export const RejectedSignal = z.object({
  index: z.int(),
  signalId: z.optional(z.string()),
  errors: z.array(FieldError),
});
export type RejectedSignal = z.infer<typeof RejectedSignal>;

export const IngestResult = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  quarantined: z.int(),
  rejected: z.array(RejectedSignal),
});
export type IngestResult = z.infer<typeof IngestResult>;

/**
 * A signal as stored: verbatim masked, customerRef replaced by its pseudonym, with the day it
 * counts for (policy time zone) and the time it was received.
 */
export const StoredSignal = z.object({
  signalId: z.string(),
  productLineId: z.string(),
  channel: Channel,
  kind: SignalKind,
  score: z.optional(z.int()),
  severity: z.optional(Severity),
  reasons: z.optional(z.array(Reason)),
  verbatim: z.optional(z.string()),
  customerPseudonym: z.optional(z.string()),
  orderRef: z.optional(z.string()),
  occurredAt: z.string(),
  locale: z.optional(z.string()),
  day: z.string(),
  negative: z.boolean(),
  receivedAt: z.string(),
});
export type StoredSignal = z.infer<typeof StoredSignal>;
