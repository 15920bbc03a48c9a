/**
 * The current policy. Versions are written by `PUT /v1/policy` (a later slice); until one is
 * stored, the defaults of DESIGN §2 are version 1. Cached briefly: ingest reads it per batch.
 */
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { DEFAULT_POLICY, Policy } from "#schemas/policy";
import { toItem } from "./attributes";
import { currentPolicyKey } from "./keys";
import { TABLE_NAME } from "./table";

const TTL_MS = 30_000;
let cached: { policy: Policy; at: number } | undefined;

export const currentPolicy = async (now = Date.now()): Promise<Policy> => {
  if (cached && now - cached.at < TTL_MS) return cached.policy;
  const out = await dynamodb.send(
    new GetItemCommand({ TableName: TABLE_NAME(), Key: toItem(currentPolicyKey()) }),
  );
  const doc = out.Item?.doc?.S;
  const policy = doc ? Policy.parse(JSON.parse(doc)) : DEFAULT_POLICY;
  cached = { policy, at: now };
  return policy;
};
