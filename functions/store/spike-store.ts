/**
 * Announced spikes: one `SPIKE#<line>` item holding the window end of the line's last announced
 * spike. It is put in one transaction with the `Spike Detected` outbox event, conditional on no
 * announcement within the week (`core/spike.ts`), so of any number of runs — retried, concurrent,
 * on later days of the week — one queues the event.
 */
import { TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { cooldownCutoff, SPIKE_COOLDOWN_DAYS } from "#core/spike";
import { dynamodb } from "#lib/clients";
import { toItem } from "./attributes";
import { failedConditions } from "./conditions";
import { spikeKey } from "./keys";
import { type OutboxEvent, outboxPut } from "./outbox-store";
import { TABLE_NAME } from "./table";

/**
 * The marker outlives its week by as much again: TTL deletes late, but never early, and a marker
 * deleted before its week was up would let a second announcement through.
 */
const MARKER_KEPT_DAYS = 2 * SPIKE_COOLDOWN_DAYS;

/**
 * Records that the spike of `productLineId` for the window ending `windowTo` is announced, with its
 * event: true when this call did, false when a spike was announced within the week before.
 */
export const recordSpike = async (
  productLineId: string,
  windowTo: string,
  event: OutboxEvent,
): Promise<boolean> => {
  const expiresAt = Math.floor(Date.parse(event.createdAt) / 1000) + MARKER_KEPT_DAYS * 86_400;
  try {
    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: TABLE_NAME(),
              Item: toItem({
                ...spikeKey(productLineId),
                productLineId,
                windowTo,
                eventId: event.eventId,
                at: event.createdAt,
                expiresAt,
              }),
              // Days as `YYYY-MM-DD` compare as text in calendar order.
              ConditionExpression: "attribute_not_exists(pk) OR windowTo <= :cutoff",
              ExpressionAttributeValues: { ":cutoff": { S: cooldownCutoff(windowTo) } },
            },
          },
          outboxPut(event),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error).includes(0)) return false;
    throw error;
  }
};
