/**
 * Item keys of the single table (see README "Table design"). Every key shape lives here.
 */
import { TABLE } from "#platform/table";

export const CATALOG_PK = "CATALOG";
export const businessUnitKey = (id: string) => ({ pk: CATALOG_PK, sk: `BU#${id}` });
export const productLineKey = (id: string) => ({ pk: CATALOG_PK, sk: `PL#${id}` });

/** Read by the health check, never written: its absence is the healthy answer. */
export const healthKey = () => ({ pk: "HEALTH", sk: "HEALTH" });

export const POLICY_PK = "POLICY";
export const currentPolicyKey = () => ({ pk: POLICY_PK, sk: "CURRENT" });
/** Each version of the policy, immutable once written; zero-padded so they sort in order. */
export const policyVersionKey = (version: number) => ({
  pk: POLICY_PK,
  sk: `V#${String(version).padStart(10, "0")}`,
});

/** One item per signalId, ever: counted and quarantined signals share it, so an id is stored once. */
export const signalKey = (signalId: string) => ({ pk: `SIG#${signalId}`, sk: "SIG" });

/**
 * Per product line, per day, per shard. The shard is in the partition key so a hot line's
 * increments spread over `TABLE.rollupShards` keys; reads of a line query every shard.
 */
export const rollupPk = (productLineId: string, shard: number) => `ROLLUP#${productLineId}#${shard}`;
export const rollupKey = (productLineId: string, shard: number, day: string) => ({
  pk: rollupPk(productLineId, shard),
  sk: day,
});
export const ROLLUP_SHARDS = TABLE.rollupShards;

/** gsi1: quarantined signals, oldest first. */
export const QUARANTINE_GSI_PK = "QUARANTINE";
export const quarantineGsiKeys = (signalId: string, receivedAt: string) => ({
  gsi1pk: QUARANTINE_GSI_PK,
  gsi1sk: `${receivedAt}#${signalId}`,
});

/**
 * gsi1: customer voices (signals with words) per product line and month, newest first by
 * `occurredAt`. The month in the key keeps a busy line's index partition bounded.
 */
export const voiceGsiKeys = (productLineId: string, occurredAtUtc: string, signalId: string) => ({
  gsi1pk: `VOICE#${productLineId}#${occurredAtUtc.slice(0, 7)}`,
  gsi1sk: `${occurredAtUtc}#${signalId}`,
});
