/**
 * `GET /v1/health`: ok when the table answers; otherwise a 503 naming what is down. The route is
 * public, so the answer says which dependency failed and how, never where it lives (host, port,
 * table name): those go to the log.
 */
import { UnavailableError } from "#core/errors";
import { logger } from "#lib/powertools";
import { pingTable } from "#store/health-store";

const howItFailed = (error: unknown): string => {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return `not reachable (${code})`;
  const name = error instanceof Error ? error.name : "";
  return /Timeout/i.test(name) ? "did not answer in time" : "refused the request";
};

export const checkHealth = async (): Promise<{ status: "ok" }> => {
  try {
    await pingTable();
  } catch (error) {
    logger.error("Health check: the table did not answer", error as Error);
    throw new UnavailableError("The database is unavailable", [
      { path: "database", message: howItFailed(error) },
    ]);
  }
  return { status: "ok" };
};
