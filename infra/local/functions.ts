/**
 * Loads the declared handlers in-process and invokes them with a Lambda-like context. Each
 * invocation runs inside an async context naming its function, so the local runtime can hold it to
 * the AWS access it declares (see `./least-privilege.ts`), as IAM does when deployed.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Context } from "aws-lambda";
import { FUNCTIONS, type FunctionName, type ResolvedFunction } from "#platform/functions";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<FunctionName, Promise<Handler>>();
const running = new AsyncLocalStorage<ResolvedFunction>();

/** The function whose invocation is running here, if any. */
export const currentFunction = (): ResolvedFunction | undefined => running.getStore();

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

const contextFor = (fn: ResolvedFunction): Context => {
  const deadline = Date.now() + (fn.timeoutSeconds ?? 10) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `strawberry-local-${fn.name}`,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:strawberry-local-${fn.name}`,
    memoryLimitInMB: String(fn.memoryMb ?? 256),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/strawberry-local-${fn.name}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

const declared = (name: string): ResolvedFunction => {
  const fn = (FUNCTIONS as Record<string, ResolvedFunction | undefined>)[name];
  if (!fn) throw new Error(`No function ${name} is declared`);
  return fn;
};

/** Runs `work` as function `name` would run it: its AWS calls are held to its declared access. */
export const runAs = <T>(name: string, work: () => Promise<T>): Promise<T> =>
  running.run(declared(name), work);

/** Runs function `name`'s handler on `event`, as Lambda would. */
export const invoke = async (name: string, event: unknown): Promise<unknown> => {
  const fn = declared(name);
  const handler = await load(fn.name);
  return running.run(fn, () => handler(event, contextFor(fn)));
};
