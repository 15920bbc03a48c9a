/** The table follows TABLE: keys, TTL and indexes declared once, protected in prod. */
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { DataTable } from "#infra/constructs/data-table";
import { TABLE } from "#platform/table";
import { constructStack, synthesizeStages } from "./fixture";

const stages = synthesizeStages();

describe("table", () => {
  it("is on-demand, encrypted, point-in-time recoverable, with TTL and the declared indexes", () => {
    stages.dev.template.resourceCountIs("AWS::DynamoDB::Table", 1);
    stages.dev.template.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: "HASH" },
        { AttributeName: TABLE.sortKey, KeyType: "RANGE" },
      ],
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    });
  });

  it("is protected from deletion and retained in prod only", () => {
    stages.prod.template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    stages.dev.template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it("names its indexes, so that functions are granted Query on each index by name", () => {
    // Prepare
    const stack = constructStack();

    // Act
    const table = new DataTable(stack, "Table", { stage: "dev" });

    // Assess
    expect(table.indexNames).toEqual(TABLE.indexes.map((index) => index.name));
    expect(table.indexNames.length).toBeGreaterThan(0);
    Template.fromStack(stack).resourceCountIs("AWS::DynamoDB::Table", 1);
  });
});
