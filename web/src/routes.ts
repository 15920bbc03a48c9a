/**
 * A tiny hash router. Each page has one address: `#/` (home), `#/rankings`, `#/lines/<id>`,
 * `#/review[/<quarter>]`, `#/notices`, `#/notices/<id>`, `#/awards[/<period>[/stage]]`,
 * `#/listen[/line|unit/<id>]`, `#/andons`, `#/chases`, `#/problems`, `#/policy`, `#/quarantine`,
 * `#/notifications`. An unknown address is the home page.
 */
export type Route =
  | { page: "home" }
  | { page: "rankings" }
  | { page: "line"; id: string }
  | { page: "review"; quarter?: string }
  | { page: "notices" }
  | { page: "notice"; id: string }
  | { page: "awards"; period?: string }
  | { page: "stage"; period: string }
  | { page: "listen"; scope?: "line" | "unit"; id?: string }
  | { page: "andons" }
  | { page: "chases" }
  | { page: "problems" }
  | { page: "policy" }
  | { page: "quarantine" }
  | { page: "notifications" };

export type PageName = Route["page"];

/** Pages whose address is just their name. */
const PLAIN = ["rankings", "andons", "chases", "problems", "policy", "quarantine", "notifications"] as const;
type Plain = (typeof PLAIN)[number];
const isPlain = (name: string | undefined): name is Plain => PLAIN.includes(name as Plain);

const decode = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

export const parseRoute = (hash: string): Route => {
  const [first, second, third] = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decode);
  if (isPlain(first)) return { page: first };
  switch (first) {
    case "lines":
      return second ? { page: "line", id: second } : { page: "rankings" };
    case "review":
      return second ? { page: "review", quarter: second } : { page: "review" };
    case "notices":
      return second ? { page: "notice", id: second } : { page: "notices" };
    case "awards":
      if (second && third === "stage") return { page: "stage", period: second };
      return second ? { page: "awards", period: second } : { page: "awards" };
    case "listen":
      return (second === "line" || second === "unit") && third
        ? { page: "listen", scope: second, id: third }
        : { page: "listen" };
    default:
      return { page: "home" };
  }
};

const at = (...parts: string[]): string => `#/${parts.map(encodeURIComponent).join("/")}`;

export const hrefOf = (to: Route): string => {
  switch (to.page) {
    case "home":
      return "#/";
    case "line":
      return at("lines", to.id);
    case "review":
      return to.quarter ? at("review", to.quarter) : at("review");
    case "notice":
      return at("notices", to.id);
    case "awards":
      return to.period ? at("awards", to.period) : at("awards");
    case "stage":
      return at("awards", to.period, "stage");
    case "listen":
      return to.scope && to.id ? at("listen", to.scope, to.id) : at("listen");
    default:
      return at(to.page);
  }
};
