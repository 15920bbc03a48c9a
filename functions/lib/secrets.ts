/**
 * Secret keys (customerRef pseudonyms, cursor signing). Locally the runtime passes them in the
 * environment; deployed, the stack passes a Secrets Manager ARN and the key is fetched once per
 * cold start.
 */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

let client: SecretsManagerClient | undefined;
const cache = new Map<string, Promise<string>>();

/**
 * The key named by `valueEnv` (local) or the secret whose ARN is in `arnEnv` (deployed).
 * @throws when neither is configured, naming both variables.
 */
export const secretKey = (valueEnv: string, arnEnv: string): Promise<string> => {
  const direct = process.env[valueEnv];
  if (direct) return Promise.resolve(direct);
  const arn = process.env[arnEnv];
  if (!arn) return Promise.reject(new Error(`Missing environment variable ${valueEnv} or ${arnEnv}`));
  let pending = cache.get(arn);
  if (!pending) {
    client ??= new SecretsManagerClient({});
    pending = client.send(new GetSecretValueCommand({ SecretId: arn })).then((out) => {
      if (!out.SecretString) throw new Error(`Secret ${arn} has no string value`);
      return out.SecretString;
    });
    // A failed fetch must not poison the cache for the rest of the container's life.
    pending.catch(() => cache.delete(arn));
    cache.set(arn, pending);
  }
  return pending;
};
