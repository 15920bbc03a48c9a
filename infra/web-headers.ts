/**
 * The security and caching headers of the dashboard's files, declared once: CloudFront's response
 * headers policies (infra/constructs/dashboard.ts) and the local runtime's static files send the same ones.
 */

/**
 * The content security policy: the page's own files only, no framing (clickjacking), no plugins,
 * and API calls to its own origin plus `apiOrigins` (deployed, API Gateway's hosts).
 */
export const dashboardCsp = (apiOrigins: readonly string[] = []): string =>
  [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${["'self'", ...apiOrigins].join(" ")}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");

/** Besides the policy: no sniffing, no framing for old browsers, no referrer leaving the site. */
export const DASHBOARD_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
} as const;

/** The build puts every content-hashed file (JS, CSS, their maps) under this directory, nothing else. */
export const HASHED_DIR = "assets";

/** Hashed files never change under their name: a year, immutable. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
/** `index.html` and `config.json` name the current build: always revalidated. */
export const REVALIDATE_CACHE = "no-cache";

/** The `cache-control` of a dashboard file, by its path relative to the site's root (`/assets/app-….js`). */
export const cacheControlFor = (path: string): string =>
  path.replace(/^\/+/, "").startsWith(`${HASHED_DIR}/`) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
