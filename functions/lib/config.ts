/** Configuration read from the environment once, failing fast and by name when something is missing. */
import { ENV } from "#platform/env";

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`Missing environment variable ${name}`);
  return value;
};

export const tableName = (): string => required(ENV.tableName);

/** The governance bus the publisher puts events on. */
export const eventBusName = (): string => required(ENV.busName);

/** `local` in the local runtime; `dev`/`prod` when deployed. */
export const stage = (): string => process.env[ENV.stage] ?? "dev";
