/** The current route as a signal, following the address bar's hash. */
import { signal } from "@preact/signals";
import { hrefOf, parseRoute, type Route } from "./routes";

export { hrefOf, type PageName, parseRoute, type Route } from "./routes";

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
