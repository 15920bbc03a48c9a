/**
 * The voice index for a local table kept with `--data`: until 2026-12 a line's voices were one
 * index partition per UTC month (`VOICE#<line>#<yyyy-mm>`); now they are one per line
 * (`VOICE#<line>`, see `functions/store/keys.ts`). A table made by this version has only the new
 * keys; an older `--data` directory has its voices re-keyed once (a scan of the signals: a one-time
 * upgrade, each item updated only if it still holds the old key), then marked so later starts skip it.
 */
import { GetItemCommand, PutItemCommand, ScanCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { type Item, toItem } from "#store/attributes";
import { voiceGsiPk } from "#store/keys";
import { TABLE_NAME } from "#store/table";

const MARKER = { pk: "META", sk: "VOICE_INDEX_BY_LINE" };
const MONTHLY = /^VOICE#(.+)#\d{4}-\d{2}$/;

const marked = async (): Promise<boolean> =>
  (
    await dynamodb.send(
      new GetItemCommand({ TableName: TABLE_NAME(), Key: toItem(MARKER), ConsistentRead: true }),
    )
  ).Item !== undefined;

const mark = () =>
  dynamodb.send(
    new PutItemCommand({
      TableName: TABLE_NAME(),
      Item: toItem({ ...MARKER, at: new Date().toISOString() }),
    }),
  );

/** Re-keys every monthly voice index entry; returns how many it moved. */
export const rekeyMonthlyVoices = async (): Promise<number> => {
  let moved = 0;
  let start: Item | undefined;
  do {
    const page = await dynamodb.send(
      new ScanCommand({
        TableName: TABLE_NAME(),
        FilterExpression: "begins_with(gsi1pk, :voice)",
        ExpressionAttributeValues: { ":voice": { S: "VOICE#" } },
        ProjectionExpression: "pk, sk, gsi1pk",
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const old = item.gsi1pk?.S ?? "";
      const line = MONTHLY.exec(old)?.[1];
      if (!line || !item.pk || !item.sk) continue;
      await dynamodb
        .send(
          new UpdateItemCommand({
            TableName: TABLE_NAME(),
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: "SET gsi1pk = :new",
            ConditionExpression: "gsi1pk = :old",
            ExpressionAttributeValues: { ":new": { S: voiceGsiPk(line) }, ":old": { S: old } },
          }),
        )
        .then(
          () => moved++,
          (error: Error) => {
            // Changed since the scan (replayed, expired): nothing of the old shape left to move.
            if (error.name !== "ConditionalCheckFailedException") throw error;
          },
        );
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return moved;
};

export const ensureVoiceIndexByLine = async (
  created: boolean,
  say: (line: string) => void,
): Promise<void> => {
  if (created) return void (await mark());
  if (await marked()) return;
  say("Re-keying the voice index by product line (data stored before 2026-12)…");
  const moved = await rekeyMonthlyVoices();
  await mark();
  say(`Voice index: ${moved} voices re-keyed.`);
};
