/**
 * What listen-in, chases and Andons share about a customer's voice: the words for its channel, kind
 * and severity in the reader's language, and the address of a page of a unit's or a line's voices.
 */
import type { Channel, Severity, SignalKind } from "#schemas/signal";
import type { MessageKey } from "./i18n";

export const CHANNEL_LABELS: Record<Channel, MessageKey> = {
  hotline: "listenChannelHotline",
  chat: "listenChannelChat",
  app: "listenChannelApp",
  social: "listenChannelSocial",
  store: "listenChannelStore",
  email: "listenChannelEmail",
  survey: "listenChannelSurvey",
  "review-site": "listenChannelReviewSite",
};

export const KIND_LABELS: Record<SignalKind, MessageKey> = {
  csat: "listenKindCsat",
  nps: "listenKindNps",
  review: "listenKindReview",
  complaint: "listenKindComplaint",
};

export const SEVERITY_LABELS: Record<Severity, MessageKey> = {
  minor: "listenSeverityMinor",
  major: "listenSeverityMajor",
  critical: "listenSeverityCritical",
};

export type ListenScope = "unit" | "line";

/** `GET /v1/voices` for one unit or line, newest first, from `cursor` on when given. */
export const voicesPath = (
  scope: ListenScope,
  id: string,
  options: { negativeOnly?: boolean; cursor?: string; limit?: number } = {},
): string => {
  const query = new URLSearchParams({ [scope === "unit" ? "businessUnitId" : "productLineId"]: id });
  if (options.negativeOnly) query.set("negativeOnly", "true");
  query.set("limit", String(options.limit ?? 50));
  if (options.cursor) query.set("cursor", options.cursor);
  return `/v1/voices?${query}`;
};

interface NamedUnit {
  id: string;
}
interface NamedLine {
  id: string;
  businessUnitId: string;
}

/**
 * The units and lines a user may listen to: every one, or for a unit head only their units and
 * those units' lines (the API would answer 403 for the others).
 */
export const listenableScopes = <U extends NamedUnit, L extends NamedLine>(
  unitsOf: readonly U[],
  linesOf: readonly L[],
  ownUnits: readonly string[] | null,
): { units: U[]; lines: L[] } => {
  if (ownUnits === null) return { units: [...unitsOf], lines: [...linesOf] };
  const own = new Set(ownUnits);
  return {
    units: unitsOf.filter((u) => own.has(u.id)),
    lines: linesOf.filter((l) => own.has(l.businessUnitId)),
  };
};

/** One value per option of the scope picker: `unit:<id>` or `line:<id>`. */
export const scopeValue = (scope: ListenScope, id: string): string => `${scope}:${id}`;
export const parseScopeValue = (value: string): { scope: ListenScope; id: string } | null => {
  const at = value.indexOf(":");
  const scope = value.slice(0, at);
  const id = value.slice(at + 1);
  return at > 0 && id && (scope === "unit" || scope === "line") ? { scope, id } : null;
};
