/**
 * Least privilege, enforced locally. Deployed, IAM refuses a DynamoDB call that a function's role
 * does not allow; locally every handler shares one client, so this middleware refuses it instead,
 * with the error IAM would give. A handler that starts issuing an action it does not declare then
 * fails in `npm start` and in every integration test, not first in AWS.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoAction } from "#platform/lambda";
import { currentFunction } from "./functions";

/** The IAM actions a DynamoDB command needs (a transaction needs the action of each of its items). */
export const actionsOf = (commandName: string, input: Record<string, unknown>): DynamoAction[] => {
  const operation = commandName.replace(/Command$/, "");
  if (operation === "TransactWriteItems") {
    const items = (input.TransactItems ?? []) as Record<string, unknown>[];
    const byKind: Record<string, DynamoAction> = {
      Put: "dynamodb:PutItem",
      Update: "dynamodb:UpdateItem",
      Delete: "dynamodb:DeleteItem",
      ConditionCheck: "dynamodb:ConditionCheckItem",
    };
    return [
      ...new Set(items.flatMap((item) => Object.keys(item).map((kind) => byKind[kind] as DynamoAction))),
    ];
  }
  if (operation === "TransactGetItems") return ["dynamodb:GetItem"];
  return [`dynamodb:${operation}` as DynamoAction];
};

export class AccessDeniedError extends Error {
  override name = "AccessDeniedException";
}

const guarded = new WeakSet<DynamoDBClient>();

/** Installs the check on `client` (the handlers' shared DynamoDB client), once. */
export const enforceDeclaredAccess = (client: DynamoDBClient): void => {
  if (guarded.has(client)) return;
  guarded.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const fn = currentFunction();
      if (fn) {
        const needed = actionsOf(context.commandName ?? "", args.input as Record<string, unknown>);
        const missing = needed.filter((action) => !fn.dynamodb.includes(action));
        if (missing.length > 0)
          throw new AccessDeniedError(
            `Function ${fn.name} is not allowed to perform ${missing.join(", ")}: declare it in its function declaration`,
          );
      }
      return next(args);
    },
    { step: "initialize", name: "strawberryLeastPrivilege" },
  );
};
