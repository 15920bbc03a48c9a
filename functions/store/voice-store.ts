/**
 * Customer voices from the voice index (gsi1), read by class (see `core/voice-class.ts`): the most
 * severe negative ones of a period, most recent first, in at most a few short reads per class and
 * month, never a scan of a line's voices.
 */
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import type { VoiceClass } from "#core/voice-class";
import { dynamodb } from "#lib/clients";
import { type Verbatim, Verbatim as VerbatimSchema } from "#schemas/notice";
import { fromItem } from "./attributes";
import { voiceGsiPk } from "./keys";
import { TABLE_NAME } from "./table";

/** The UTC months (`YYYY-MM`) an instant range touches, newest first. */
export const monthsBetween = (from: Date, to: Date): string[] => {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), 1));
  const first = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1);
  while (cursor.getTime() >= first) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() - 1);
  }
  return months;
};

const toVerbatim = (item: Record<string, unknown>): Verbatim =>
  VerbatimSchema.parse({ ...item, text: item.verbatim });

/**
 * Up to `limit` voices of a line between two instants (`to` excluded), taking the classes in the
 * order given and, within a class, the most recent first.
 */
export const voicesByClass = async (
  productLineId: string,
  classes: readonly VoiceClass[],
  from: Date,
  to: Date,
  limit: number,
): Promise<Verbatim[]> => {
  const found: Verbatim[] = [];
  const months = monthsBetween(from, new Date(to.getTime() - 1));
  for (const voiceClass of classes) {
    for (const month of months) {
      if (found.length >= limit) return found;
      const out = await dynamodb.send(
        new QueryCommand({
          TableName: TABLE_NAME(),
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
          ExpressionAttributeValues: {
            ":pk": { S: voiceGsiPk(productLineId, month) },
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
  }
  return found;
};
