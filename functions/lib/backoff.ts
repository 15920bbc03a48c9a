/** Waits before retry number `attempt` (1, 2, …): exponential backoff with full jitter, capped. */
export const backoff = (attempt: number, baseMs = 25, capMs = 2_000): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(capMs, baseMs * 2 ** attempt)));
