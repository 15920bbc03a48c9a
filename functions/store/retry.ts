/**
 * Retries for the parts of batch calls DynamoDB hands back unprocessed (throttling on some
 * partitions), with exponential backoff and full jitter. Throttled whole calls are retried by the
 * SDK itself (adaptive retry mode in `lib/clients.ts`).
 */
export const MAX_ATTEMPTS = 8;

export const backoff = (attempt: number, baseMs = 25, capMs = 2_000) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(capMs, baseMs * 2 ** attempt)));

export const withUnprocessedRetries = async <T>(
  initial: T[],
  send: (pending: T[]) => Promise<T[]>,
): Promise<void> => {
  let pending = initial;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} requests unprocessed`);
    if (attempt > 0) await backoff(attempt);
    pending = await send(pending);
  }
};
