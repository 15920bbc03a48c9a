/**
 * The single DynamoDB table, built from `TABLE` (`#platform/table`), which the local runtime and the
 * store's keys read too: one declaration of the keys, the TTL attribute and the indexes.
 */
import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import type { Construct } from "constructs";
import { TABLE } from "#platform/table";
import type { Stage } from "./stage";

export interface DataTableProps {
  /** `prod` turns on deletion protection and retains the table when the stack goes. */
  readonly stage: Stage;
}

/**
 * On demand (traffic follows campaigns and quarter ends, not a steady rate), encrypted with the
 * AWS-managed key, point-in-time recoverable, with the declared GSIs projecting all attributes.
 *
 * Deployed stacks know it as the stack's child `Table` (logical id `TableCD117FA1`): create it with
 * that id in the stack's scope, or CloudFormation replaces it, data and all.
 */
export class DataTable extends Table {
  /** The GSI names, so that `dynamodb:Query` is granted on each index by name rather than `index/*`. */
  public readonly indexNames: readonly string[];

  public constructor(scope: Construct, id: string, props: DataTableProps) {
    const prod = props.stage === "prod";
    super(scope, id, {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE.ttlAttribute,
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of TABLE.indexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    this.indexNames = TABLE.indexes.map((index) => index.name);
  }
}
