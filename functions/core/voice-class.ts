/**
 * How telling a customer's voice is, as one short code that starts the voice index's sort key:
 * negative voices by severity (critical, major, minor complaints, then low ratings), positive ones
 * by how glowing. With the class first, "the most severe negative verbatims, most recent first"
 * (notice evidence, Rotten Strawberry citations) and "the best positive ones" (Red Strawberry
 * citations) are a few short range reads, never a scan of a line's voices.
 */
import type { Severity, SignalKind } from "#schemas/signal";
import { isNegative } from "./negative";

export const VOICE_CLASSES = {
  critical: "1c",
  major: "2j",
  minor: "3m",
  /** A negative rating: csat ≤ 2, nps ≤ 6, review ≤ 2 stars. */
  low: "4n",
  /** The best ratings: csat or review 5, nps 9–10. */
  top: "5t",
  /** Any other rating. */
  other: "6o",
} as const;
export type VoiceClass = (typeof VOICE_CLASSES)[keyof typeof VOICE_CLASSES];

/** Negative classes, most severe first. */
export const NEGATIVE_CLASSES: readonly VoiceClass[] = ["1c", "2j", "3m", "4n"];
/** Positive classes, best first. */
export const POSITIVE_CLASSES: readonly VoiceClass[] = ["5t", "6o"];

const SEVERITY_CLASS: Record<Severity, VoiceClass> = { critical: "1c", major: "2j", minor: "3m" };

export function voiceClassOf(signal: { kind: SignalKind; score?: number; severity?: Severity }): VoiceClass {
  if (signal.kind === "complaint") return SEVERITY_CLASS[signal.severity ?? "minor"];
  if (isNegative(signal)) return VOICE_CLASSES.low;
  const top = signal.kind === "nps" ? 9 : 5;
  return signal.score !== undefined && signal.score >= top ? VOICE_CLASSES.top : VOICE_CLASSES.other;
}
