/**
 * The dashboard's built files (`web/dist/`, written by infra/build-web.ts before serving), as
 * CloudFront serves them from the site bucket: hashed files cached for a year, the rest revalidated.
 */
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { WEB_BUILD_DIR } from "#infra/build-web";
import { cacheControlFor, DASHBOARD_HEADERS, dashboardCsp } from "#infra/web-headers";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** The headers CloudFront's response headers policy adds to the dashboard's files (the API is same-origin here). */
export const STATIC_HEADERS: Readonly<Record<string, string>> = {
  ...DASHBOARD_HEADERS,
  "content-security-policy": dashboardCsp(),
};

const notFound = (res: ServerResponse, path: string) => {
  res.writeHead(404, { "content-type": "application/json; charset=utf-8", ...STATIC_HEADERS });
  res.end(JSON.stringify({ error: { code: "not_found", message: `Not found: ${path}` } }));
};

export const serveStatic = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
  const relative = normalize(decodeURIComponent(path === "/" ? "/index.html" : path)).replace(
    /^(\.\.[/\\])+/,
    "",
  );
  const file = join(WEB_BUILD_DIR, relative);
  if (!file.startsWith(WEB_BUILD_DIR)) return notFound(res, path);
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    const content = await readFile(file);
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": cacheControlFor(relative),
      ...STATIC_HEADERS,
    });
    res.end(req.method === "HEAD" ? undefined : content);
  } catch {
    notFound(res, path);
  }
};
