/**
 * Policy versions. `PUT /v1/policy` writes version N+1 and moves the current pointer to it in one
 * transaction, conditional on the pointer still being at N, so two concurrent updates make two
 * versions, never one lost (the loser retries on top of the winner). Until one is stored, the
 * defaults of DESIGN §2 are version 1. The current policy is cached briefly: ingest reads it per batch.
 */
import {
  GetItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { ConflictError } from "#core/errors";
import { backoff } from "#lib/backoff";
import { dynamodb } from "#lib/clients";
import { DEFAULT_POLICY, Policy, type PolicySettings } from "#schemas/policy";
import { toItem } from "./attributes";
import { currentPolicyKey, policyVersionKey } from "./keys";
import { TABLE_NAME } from "./table";

/** How long a container serves its cached current policy before reading it again. */
export const POLICY_CACHE_MS = 30_000;
const MAX_ATTEMPTS = 5;

let cached: { policy: Policy; at: number } | undefined;

const read = async (key: { pk: string; sk: string }): Promise<Policy | undefined> => {
  const out = await dynamodb.send(
    new GetItemCommand({ TableName: TABLE_NAME(), Key: toItem(key), ConsistentRead: true }),
  );
  const doc = out.Item?.doc?.S;
  return doc ? Policy.parse(JSON.parse(doc)) : undefined;
};

/** The policy in force (cached for {@link POLICY_CACHE_MS}). */
export const currentPolicy = async (now = Date.now()): Promise<Policy> => {
  if (cached && now - cached.at < POLICY_CACHE_MS) return cached.policy;
  const policy = (await read(currentPolicyKey())) ?? DEFAULT_POLICY;
  cached = { policy, at: now };
  return policy;
};

/** One version as it was made; version 1 is the defaults until something else was stored as 1. */
export const policyVersion = async (version: number): Promise<Policy | undefined> =>
  (await read(policyVersionKey(version))) ?? (version === 1 ? DEFAULT_POLICY : undefined);

/**
 * Makes `settings` the next version of the policy and the current one; answers the new version.
 * @throws ConflictError when `expectedVersion` is given and another version is current by now.
 */
export const writePolicyVersion = async (
  settings: PolicySettings,
  updatedBy: string,
  now = new Date(),
  expectedVersion?: number,
) => {
  for (let attempt = 0; ; attempt++) {
    const current = (await read(currentPolicyKey())) ?? DEFAULT_POLICY;
    if (expectedVersion !== undefined && current.version !== expectedVersion)
      throw new ConflictError(
        `The policy is at version ${current.version}, not ${expectedVersion} as expected: someone saved ` +
          "a new version meanwhile. Reload it, then make your change again.",
      );
    const policy: Policy = {
      ...settings,
      version: current.version + 1,
      updatedAt: now.toISOString(),
      updatedBy,
    };
    const doc = { S: JSON.stringify(policy) };
    try {
      await dynamodb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: TABLE_NAME(),
                Item: {
                  ...toItem(policyVersionKey(policy.version)),
                  doc,
                  version: { N: String(policy.version) },
                },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            {
              Put: {
                TableName: TABLE_NAME(),
                Item: { ...toItem(currentPolicyKey()), doc, version: { N: String(policy.version) } },
                ConditionExpression: "attribute_not_exists(pk) OR version = :seen",
                ExpressionAttributeValues: { ":seen": { N: String(current.version) } },
              },
            },
          ],
        }),
      );
      cached = { policy, at: now.getTime() };
      return policy;
    } catch (error) {
      // Another update moved the pointer first: build on top of it.
      if (!(error instanceof TransactionCanceledException) || attempt + 1 >= MAX_ATTEMPTS) throw error;
      await backoff(attempt + 1);
    }
  }
};

/** Test seam: forget the cached current policy (the local runtime shares one process). */
export const forgetCachedPolicy = (): void => {
  cached = undefined;
};
