/**
 * Customer voices from the voice index (gsi1), one partition per product line, each class of voice
 * a range of its own (see `keys.ts` and `core/voice-class.ts`): the most severe negative ones of a
 * period in one short read per class, and a line's stream newest first one class range at a time
 * (listen-in merges the ranges). Never a scan of a line's voices.
 */
import { type AttributeValue, QueryCommand } from "@aws-sdk/client-dynamodb";
import type { VoiceClass } from "#core/voice-class";
import { dynamodb } from "#lib/clients";
import { type Verbatim, Verbatim as VerbatimSchema } from "#schemas/notice";
import { StoredSignal } from "#schemas/signal";
import { fromItem } from "./attributes";
import { voiceGsiPk } from "./keys";
import { TABLE_NAME } from "./table";

const toVerbatim = (item: Record<string, unknown>): Verbatim =>
  VerbatimSchema.parse({ ...item, text: item.verbatim });

/**
 * Up to `limit` voices of a line between two instants (`to` excluded), taking the classes in the
 * order given and, within a class, the most recent first: one query per class at most.
 */
export const voicesByClass = async (
  productLineId: string,
  classes: readonly VoiceClass[],
  from: Date,
  to: Date,
  limit: number,
): Promise<Verbatim[]> => {
  const found: Verbatim[] = [];
  for (const voiceClass of classes) {
    if (found.length >= limit) break;
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
        ExpressionAttributeValues: {
          ":pk": { S: voiceGsiPk(productLineId) },
          ":from": { S: `${voiceClass}#${from.toISOString()}` },
          // Instants are written to the millisecond: this bound stays below `to` itself.
          ":to": { S: `${voiceClass}#${new Date(to.getTime() - 1).toISOString()}#\uffff` },
        },
        ScanIndexForward: false,
        Limit: limit - found.length,
      }),
    );
    found.push(...(out.Items ?? []).map((item) => toVerbatim(fromItem(item))));
  }
  return found;
};

/** One slice of a line's class range, newest first, and where the next slice starts. */
export interface VoiceSlice {
  voices: StoredSignal[];
  /** The index position to continue from; absent when the range has no more. */
  next?: Record<string, AttributeValue>;
}

/**
 * Up to `limit` voices of one class of a line, newest first, strictly before `before` (a voice
 * position `<occurredAt UTC>#<signalId>`, see `keys.ts`) when given, continuing from `next`.
 * Items read: at most `limit`.
 */
export const voiceSlice = async (
  productLineId: string,
  voiceClass: VoiceClass,
  options: { limit: number; before?: string | undefined; next?: Record<string, AttributeValue> | undefined },
): Promise<VoiceSlice> => {
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: TABLE_NAME(),
      IndexName: "gsi1",
      // A range, not begins_with, even for the first slice: on a large partition DynamoDB Local
      // answers begins_with far more slowly (a unit's first page at 1 M signals: 103 ms p50, 60 ms
      // with BETWEEN, as fast as the next pages).
      KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :first AND :before",
      ExpressionAttributeValues: {
        ":pk": { S: voiceGsiPk(productLineId) },
        ":first": { S: `${voiceClass}#` },
        // BETWEEN is inclusive: the voice at `before` itself is dropped below.
        ":before": { S: `${voiceClass}#${options.before ?? "\uffff"}` },
      },
      ScanIndexForward: false,
      Limit: options.limit,
      ...(options.next ? { ExclusiveStartKey: options.next } : {}),
    }),
  );
  const excluded = options.before ? `${voiceClass}#${options.before}` : undefined;
  const voices = (out.Items ?? [])
    .filter((item) => item.gsi1sk?.S !== excluded)
    .map((item) => StoredSignal.parse(fromItem(item)));
  return { voices, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}) };
};
