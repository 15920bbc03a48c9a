/**
 * What every dashboard e2e file starts from: the real local runtime (a table of its own on the shared
 * DynamoDB Local), its API with a CCO team token, the file's own data put in through that API, and
 * Debian's Chromium; all started before the file's tests and closed after them.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { type Api, apiOf, startTestRuntime } from "#test/integration/harness";
import { launchChromium } from "./browser";

export interface Dashboard {
  runtime: Runtime;
  api: Api;
  /** A CCO team token. */
  cco: string;
  browser: Browser;
}

export interface DashboardOptions {
  /** The file's data, put in once the runtime is up and before Chromium starts. */
  seed?: (dash: Dashboard) => Promise<void>;
  /** How long starting and seeding may take, in ms. */
  timeout?: number;
}

/** Registers the file's beforeAll and afterAll; the fields are set once beforeAll has run. */
export const useDashboard = ({ seed, timeout = 120_000 }: DashboardOptions = {}): Dashboard => {
  const dash = {} as Dashboard;
  beforeAll(async () => {
    dash.runtime = await startTestRuntime();
    dash.api = apiOf(dash.runtime);
    dash.cco = await dash.api.token("cco");
    await seed?.(dash);
    dash.browser = await launchChromium();
  }, timeout);
  afterAll(async () => {
    await dash.browser?.close();
    await dash.runtime?.stop();
  });
  return dash;
};

/** Puts a catalog in (an upsert) as the CCO team. */
export const putCatalog = async ({ api, cco }: Dashboard, catalog: object): Promise<void> => {
  const put = await api.call("PUT", "/v1/catalog", { token: cco, body: catalog });
  expect(put.status).toBe(200);
};

/**
 * Sends signals in batches of 500 (a body is at most 1 MiB), as the CCO team unless a token is given;
 * each batch must be answered as `expected` (by default: nothing rejected, nothing quarantined).
 */
export const sendSignals = async (
  { api, cco }: Dashboard,
  signals: object[],
  { token = cco, expected = { rejected: [], quarantined: 0 } }: { token?: string; expected?: object } = {},
): Promise<void> => {
  for (let i = 0; i < signals.length; i += 500) {
    const sent = await api.call("POST", "/v1/signals", {
      token,
      body: { signals: signals.slice(i, i + 500) },
    });
    expect(sent.body).toMatchObject(expected);
  }
};

/** What the hostile verbatims' markup sets, were it ever run. */
export const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
