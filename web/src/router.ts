/** A tiny hash router: `#/rankings`, `#/awards`, `#/awards/<period>`, `#/awards/<period>/stage`. */
import { signal } from "@preact/signals";

export type Route =
  | { page: "rankings" }
  | { page: "awards"; period?: string }
  | { page: "stage"; period: string };

const decode = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

export const parseRoute = (hash: string): Route => {
  const [first, period, view] = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decode);
  if (first !== "awards") return { page: "rankings" };
  if (period && view === "stage") return { page: "stage", period };
  return period ? { page: "awards", period } : { page: "awards" };
};

export const hrefOf = (to: Route): string => {
  if (to.page === "rankings") return "#/rankings";
  const period = to.period ? `/${encodeURIComponent(to.period)}` : "";
  return to.page === "stage" ? `#/awards${period}/stage` : `#/awards${period}`;
};

export const route = signal<Route>(parseRoute(location.hash));
addEventListener("hashchange", () => {
  route.value = parseRoute(location.hash);
});

/** Goes to a page; `replace` rewrites the current history entry (a default filled in, say). */
export const navigate = (to: Route, replace = false): void => {
  if (replace) {
    history.replaceState(null, "", hrefOf(to));
    route.value = parseRoute(hrefOf(to));
  } else location.hash = hrefOf(to);
};
