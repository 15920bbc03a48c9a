/**
 * Injected DynamoDB failures for fault tests on the in-process local runtime: a middleware on the
 * handlers' own client (`#lib/clients`) that fails the commands a test chooses, before the SDK's
 * retries (the `initialize` step), as a request lost for good after its retries would fail.
 */
import { dynamodb } from "#lib/clients";

/** Whether to fail this command (name as the SDK gives it, e.g. `TransactWriteItemsCommand`). */
export type Fault = (command: string, input: unknown) => boolean;

let active: Fault | undefined;
let installed = false;
let failures = 0;

/** Fails the commands `fault` picks until {@link clearFault}, which says how many it failed. */
export const injectFault = (fault: Fault): void => {
  if (!installed) {
    installed = true;
    dynamodb.middlewareStack.add(
      (next, context) => async (args) => {
        if (active?.(String(context.commandName), args.input)) {
          failures++;
          throw Object.assign(new Error(`Injected failure of ${String(context.commandName)}`), {
            name: "InternalServerError",
            $fault: "server",
          });
        }
        return next(args);
      },
      { step: "initialize", name: "injectedFault" },
    );
  }
  failures = 0;
  active = fault;
};

/** Stops failing; answers how many commands were failed. */
export const clearFault = (): number => {
  active = undefined;
  return failures;
};

/** Whether a command's input mentions `text` as a whole string value (e.g. a signal's id in its key). */
export const mentions = (input: unknown, text: string): boolean => JSON.stringify(input).includes(`${text}"`);
