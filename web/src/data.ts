/**
 * What every page reads: the catalog (names of lines and units) and the policy (the bar's settings
 * and the time zone), each read once per session; and signing in and out.
 */
import { signal } from "@preact/signals";
import type { CatalogView } from "#schemas/catalog";
import type { Policy } from "#schemas/policy";
import { ApiError, api, SessionEndedError } from "./api";
import { role, status, token, units } from "./state";

export const catalog = signal<CatalogView | null>(null);
export const policy = signal<Policy | null>(null);

export const failure = (error: unknown) => ({
  key: "failed" as const,
  vars: { message: error instanceof Error ? error.message : String(error) },
});

let reading: Promise<void> | null = null;

/** Reads the catalog and the policy unless already read; the status line says when it failed. */
export const loadReference = (): Promise<void> => {
  if (!token.value) return Promise.resolve();
  reading ??= Promise.all([api<CatalogView>("/v1/catalog"), api<Policy>("/v1/policy")])
    .then(([view, current]) => {
      catalog.value = view;
      policy.value = current;
    })
    .catch((error: unknown) => {
      reading = null;
      // Already signed out, and the landing page says why: a "read failed" beside it would mislead.
      if (error instanceof SessionEndedError) return;
      if (error instanceof ApiError && error.status === 401) signOut();
      status.value = failure(error);
    });
  return reading;
};

/** Forgets what was read (after a policy or catalog change, or a new sign-in). */
export const forgetReference = (): void => {
  reading = null;
  catalog.value = null;
  policy.value = null;
};

export const signOut = (): void => {
  token.value = null;
  role.value = null;
  units.value = [];
  forgetReference();
};

/** Gets a dev token for a role (local runtime only) and reads what every page needs. */
export const signIn = async (chosenRole: string, businessUnitIds: string[]): Promise<void> => {
  try {
    const answer = await api<{ token: string }>("/v1/dev/token", {
      method: "POST",
      body: { role: chosenRole, businessUnitIds },
    });
    forgetReference();
    token.value = answer.token;
    role.value = chosenRole;
    units.value = businessUnitIds;
    status.value = null;
    await loadReference();
  } catch (error) {
    status.value =
      error instanceof ApiError && error.status === 404 ? { key: "noDevSignIn" } : failure(error);
  }
};
