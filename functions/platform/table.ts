/**
 * The single table, declared once: the CDK stack creates it from this, the local runtime creates it
 * in DynamoDB Local from this, and the store's keys read it. Access patterns: docs/table-design.md.
 */
export const TABLE = {
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "expiresAt",
  indexes: [{ name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" }],
  /** Rollup items per product line per day: spreads a hot line's increments over this many keys. */
  rollupShards: 4,
  /**
   * Period totals (one item per line per quarter and per year while writers do not contend, at most
   * one per rollup shard) are spread over this many partitions of each period by a hash of the line
   * id, so a period's totals are never one hot partition.
   */
  totalBuckets: 16,
} as const;
