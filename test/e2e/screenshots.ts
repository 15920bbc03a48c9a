/** Screenshots for a reviewer to look at, under the git-ignored test/e2e/screenshots/: `<name>-<locale>.png`. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

const DIR = join(import.meta.dirname, "screenshots");

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(DIR, { recursive: true });
  const locale = await page.evaluate(() => document.documentElement.lang);
  await page.screenshot({ path: join(DIR, `${name}-${locale}.png`), fullPage: true });
};
