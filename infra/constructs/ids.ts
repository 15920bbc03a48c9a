/**
 * Construct ids, and the logical ids CloudFormation knows the resources by.
 *
 * CDK derives a resource's logical id from its construct path, and to CloudFormation a new logical
 * id is a new resource: it creates the new one and deletes the old one. For the table that is data
 * loss; for a Cognito group, whose name must be unique in its pool, it is a failed deployment; for
 * the API or the distribution it is a new URL. The stack was one flat construct before it was split
 * into the constructs of this folder, so the resources that must survive are still created in the
 * stack's scope (see {@link stableScope}); test/infra/logical-ids.test.ts pins their ids.
 */
import { Stack } from "aws-cdk-lib";
import type { Construct } from "constructs";

/** `ingestWorker` → `IngestWorker`, `bu-head` → `BuHead`: declared names as construct ids. */
export const pascal = (name: string): string =>
  name.replace(/-(.)/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase());

/**
 * The scope for a resource that deployed stacks already have: the stack, where the resource was
 * created before the split, so that it keeps its logical id and so does everything created under it
 * (bucket and queue policies, the user pool's app client, the API's routes and stage…). Use it for
 * resources whose replacement would lose or strand data, fail the deployment or change an address
 * or an id held outside the stack; give everything else its construct as scope.
 */
export const stableScope = (construct: Construct): Stack => Stack.of(construct);
