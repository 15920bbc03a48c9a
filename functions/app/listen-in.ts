/**
 * `GET /v1/voices`, listen-in: one product line's or one business unit's customer voices, newest
 * first, all or negatives only, PII masked (at ingest) and without the customer reference. A
 * `bu-head` listens to their own units only. A line's voices are its class ranges of the voice
 * index; a unit's stream merges its lines' ranges (`core/voice-stream.ts`), so a page reads about
 * `limit` items plus a couple per range, never a scan or a filter over a line's voices.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { type Principal, requireAllowed } from "#core/authorize";
import { NotFoundError, ValidationError } from "#core/errors";
import { NEGATIVE_CLASSES, VOICE_CLASSES, type VoiceClass } from "#core/voice-class";
import { mergeNewestFirst, type SliceReader } from "#core/voice-stream";
import type { PageRequest } from "#http/route";
import type { StoredSignal } from "#schemas/signal";
import type { Voice, VoicesQuery } from "#schemas/voice";
import { findBusinessUnitIds, findProductLine, readCatalog } from "#store/catalog-store";
import { voicePosition } from "#store/keys";
import { voiceSlice } from "#store/voice-store";

const ALL_CLASSES = Object.values(VOICE_CLASSES);

/** A unit's lines change only with the catalog: read it at most every 30 s per container. */
const CATALOG_TTL_MS = 30_000;
let linesByUnit: { at: number; units: Promise<Map<string, string[]>> } | undefined;

const unitLines = async (businessUnitId: string, now: number): Promise<string[]> => {
  if (!linesByUnit || now - linesByUnit.at >= CATALOG_TTL_MS) {
    const units = readCatalog().then((catalog) => {
      const byUnit = new Map<string, string[]>();
      for (const line of catalog.productLines)
        byUnit.set(line.businessUnitId, [...(byUnit.get(line.businessUnitId) ?? []), line.id]);
      return byUnit;
    });
    linesByUnit = { at: now, units };
    units.catch(() => {
      linesByUnit = undefined;
    });
  }
  return (await linesByUnit.units).get(businessUnitId) ?? [];
};

/** Test seam: forget the cached catalog. */
export const forgetCachedUnitLines = (): void => {
  linesByUnit = undefined;
};

/** Where the stream is heard from: one line, or every line of one unit. */
const scopeOf = async (
  query: VoicesQuery,
  principal: Principal,
  now: number,
): Promise<{ businessUnitId: string; productLineIds: string[] }> => {
  if (query.productLineId) {
    const line = await findProductLine(query.productLineId);
    if (!line)
      throw new NotFoundError(`Product line ${query.productLineId} is not in the catalog`, [
        { path: "productLineId", message: "Not in the catalog" },
      ]);
    if (query.businessUnitId && query.businessUnitId !== line.businessUnitId)
      throw new ValidationError(`Product line ${line.id} is not in business unit ${query.businessUnitId}`, [
        { path: "productLineId", message: `Belongs to business unit ${line.businessUnitId}` },
      ]);
    requireAllowed(principal, "voices.read", line.businessUnitId);
    return { businessUnitId: line.businessUnitId, productLineIds: [line.id] };
  }
  if (!query.businessUnitId)
    throw new ValidationError("Name a business unit or a product line to listen to", [
      { path: "businessUnitId", message: "Required unless productLineId is given" },
    ]);
  requireAllowed(principal, "voices.read", query.businessUnitId);
  const lines = await unitLines(query.businessUnitId, now);
  if (lines.length === 0 && (await findBusinessUnitIds([query.businessUnitId])).size === 0)
    throw new NotFoundError(`Business unit ${query.businessUnitId} is not in the catalog`, [
      { path: "businessUnitId", message: "Not in the catalog" },
    ]);
  return { businessUnitId: query.businessUnitId, productLineIds: lines };
};

const positionOf = (voice: StoredSignal): string =>
  voicePosition(new Date(voice.occurredAt).toISOString(), voice.signalId);

/** One class range of one line, read slice by slice below `before`. */
const rangeReader = (productLineId: string, voiceClass: VoiceClass, before: string | undefined) => {
  let next: Record<string, AttributeValue> | undefined;
  const read: SliceReader<StoredSignal> = async (limit) => {
    const slice = await voiceSlice(productLineId, voiceClass, { limit, before, next });
    next = slice.next;
    return { items: slice.voices, more: next !== undefined };
  };
  return read;
};

const toVoice = (voice: StoredSignal, businessUnitId: string): Voice => ({
  signalId: voice.signalId,
  productLineId: voice.productLineId,
  businessUnitId,
  occurredAt: voice.occurredAt,
  channel: voice.channel,
  kind: voice.kind,
  ...(voice.score !== undefined ? { score: voice.score } : {}),
  ...(voice.severity ? { severity: voice.severity } : {}),
  ...(voice.reasons ? { reasons: voice.reasons } : {}),
  negative: voice.negative,
  text: voice.verbatim ?? "",
  ...(voice.locale ? { locale: voice.locale } : {}),
});

/** A cursor's position; cursors are signed, so anything else is a bug, still refused as a bad cursor. */
const POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9._:-]{1,128}$/;

export const listVoices = async (
  query: VoicesQuery,
  principal: Principal,
  page: PageRequest,
  now = Date.now(),
): Promise<{ items: Voice[]; next?: string }> => {
  const scope = await scopeOf(query, principal, now);
  const before = page.after;
  if (before !== undefined && (typeof before !== "string" || !POSITION.test(before)))
    throw new ValidationError("Invalid cursor", [{ path: "cursor", message: "Not a listen-in position" }]);
  const classes = query.negativeOnly === "true" ? NEGATIVE_CLASSES : ALL_CLASSES;
  const readers = scope.productLineIds.flatMap((line) =>
    classes.map((voiceClass) => rangeReader(line, voiceClass, before)),
  );
  const merged = await mergeNewestFirst(readers, positionOf, page.limit);
  const last = merged.items[merged.items.length - 1];
  return {
    items: merged.items.map((voice) => toVoice(voice, scope.businessUnitId)),
    ...(merged.more && last ? { next: positionOf(last) } : {}),
  };
};
