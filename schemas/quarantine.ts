import * as z from "zod/mini";
import { text } from "./common";
import { StoredSignal } from "./signal";
import "./zod";

/** A quarantined signal: kept whole (PII already masked), counted nowhere until replayed. */
export const QuarantinedSignal = z.extend(StoredSignal, { quarantinedAt: z.string() });
export type QuarantinedSignal = z.infer<typeof QuarantinedSignal>;

export const ReplayRequest = z.object({
  signalIds: z.optional(z.array(text(1, 128)).check(z.maxLength(1000))),
});
export type ReplayRequest = z.infer<typeof ReplayRequest>;

export const ReplayResult = z.object({
  replayed: z.int(),
  stillUnknown: z.int(),
  /** Ids named in the request that are not in the quarantine (already counted, or never received). */
  notQuarantined: z.optional(z.array(z.string())),
});
export type ReplayResult = z.infer<typeof ReplayResult>;
