/** Loads the declared handlers in-process and invokes them with a Lambda-like context. */
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Context } from "aws-lambda";
import { FUNCTIONS, type FunctionName } from "../declarations";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<FunctionName, Promise<Handler>>();

const load = (fn: FunctionName): Promise<Handler> => {
  let handler = loaded.get(fn);
  if (!handler) {
    handler = import(pathToFileURL(resolve(ROOT, FUNCTIONS[fn].entry)).href).then(
      (m) => m.handler as Handler,
    );
    loaded.set(fn, handler);
  }
  return handler;
};

const contextFor = (fn: FunctionName): Context => {
  const timeoutMs =
    ("timeoutSeconds" in FUNCTIONS[fn] ? (FUNCTIONS[fn] as { timeoutSeconds: number }).timeoutSeconds : 10) *
    1000;
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `strawberry-local-${fn}`,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:strawberry-local-${fn}`,
    memoryLimitInMB: "256",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/strawberry-local-${fn}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export const invoke = async (fn: FunctionName, event: unknown): Promise<unknown> =>
  (await load(fn))(event, contextFor(fn));
