/** Configuration read from the environment once, failing fast and by name when something is missing. */
import { ENV } from "../../infra/declarations";

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`Missing environment variable ${name}`);
  return value;
};

export const tableName = (): string => required(ENV.tableName);

/** `local` in the local runtime; `dev`/`prod` when deployed. */
export const stage = (): string => process.env[ENV.stage] ?? "dev";
