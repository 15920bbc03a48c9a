import * as z from "zod/mini";
import { StoredSignal } from "./signal";
import "./zod";

/** A quarantined signal: kept whole (PII already masked), counted nowhere until replayed. */
export const QuarantinedSignal = z.extend(StoredSignal, { quarantinedAt: z.string() });
export type QuarantinedSignal = z.infer<typeof QuarantinedSignal>;

export const ReplayRequest = z.object({
  signalIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(128))).check(z.maxLength(1000))),
});
export type ReplayRequest = z.infer<typeof ReplayRequest>;

export const ReplayResult = z.object({ replayed: z.int(), stillUnknown: z.int() });
export type ReplayResult = z.infer<typeof ReplayResult>;
