/**
 * How the CLI signs in and explains failures: a dev token from the local runtime unless a token is
 * given, and every API error in words a person can act on.
 */
import { type ApiClient, ApiError, describeApiError, requestDevToken } from "#infra/api-client/client";
import { ImportFailedError } from "#infra/api-client/importer";
import { SignalFileError } from "./signal-file";

/** A failure already explained to the user: print the message, exit 1. */
export class CliError extends Error {}

function isLocal(api: string): boolean {
  try {
    const host = new URL(api).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
  } catch {
    return false;
  }
}

export function unreachable(api: string, err: ApiError): CliError {
  const hint = isLocal(api) ? "Is `npm start` running?" : "Check the --api URL.";
  return new CliError(`${err.message}. ${hint}`);
}

/** Explains a failure of `command` in words a person can act on. */
export function explain(api: string, err: unknown, command: string): string {
  if (err instanceof CliError || err instanceof SignalFileError) return err.message;
  if (err instanceof ImportFailedError)
    return `${explain(api, err.cause, command)}\nRe-running the import is harmless: signals already stored count as duplicates.`;
  if (err instanceof ApiError) {
    if (err.status === 0) return unreachable(api, err).message;
    const refused = err.status === 401 || err.status === 403;
    const roles =
      command === "andons"
        ? "role cco, executive or bu-head"
        : command === "review" || command === "awards"
          ? "role cco"
          : "role cco or ingest";
    return describeApiError(
      err,
      refused ? `The token was refused: pass a valid --token (${roles}).` : undefined,
    );
  }
  return err instanceof Error
    ? `Unexpected error: ${err.stack ?? err.message}`
    : `Unexpected error: ${String(err)}`;
}

export async function signIn(client: ApiClient, api: string, token: string | undefined): Promise<void> {
  if (token !== undefined && token !== "") {
    client.token = token;
    return;
  }
  try {
    client.token = await requestDevToken(client, "cco");
  } catch (err) {
    if (err instanceof ApiError && err.status === 0) throw unreachable(api, err);
    const why = err instanceof ApiError ? `${err.status} ${err.code}: ${err.message}` : String(err);
    throw new CliError(
      `Could not get a dev token from ${api}/v1/dev/token (${why}).\n` +
        "Dev tokens exist only on the local runtime (`npm start`); for another API pass --token T.",
    );
  }
}

/**
 * The API's answer read with the schema this CLI was built against.
 * @throws ApiError `bad_response` naming where it differs, and that `--json` prints it as it came.
 */
export function readAnswer<T>(
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
  },
  answer: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 3)
    .map((i) => i.path.map(String).join(".") || "(root)")
    .join(", ");
  throw new ApiError(
    200,
    "bad_response",
    `${what} this CLI cannot read (at ${where}); --json prints it as it came`,
  );
}
