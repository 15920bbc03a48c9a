import * as z from "zod/mini";
import { pageOf } from "./common";
import { StoredSignal } from "./signal";
import "./zod";

export const QuarantineQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500))),
  cursor: z.optional(z.string()),
});

/** A quarantined signal: kept whole (PII already masked), counted nowhere until replayed. */
export const QuarantinedSignal = z.extend(StoredSignal, { quarantinedAt: z.string() });
export type QuarantinedSignal = z.infer<typeof QuarantinedSignal>;

export const QuarantinePage = pageOf(QuarantinedSignal);

export const ReplayRequest = z.object({
  signalIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(128))).check(z.maxLength(1000))),
});
export type ReplayRequest = z.infer<typeof ReplayRequest>;

export const ReplayResult = z.object({ replayed: z.int(), stillUnknown: z.int() });
export type ReplayResult = z.infer<typeof ReplayResult>;
