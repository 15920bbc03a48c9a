/** Signing in through the landing page's role picker, as a person would, at the address given. */
import type { Browser, Page } from "playwright-core";

export interface SignInOptions {
  /** A bu-head's units, picked from the list. */
  units?: string[];
  /** The address to open (`#/rankings`); the landing page shows there until signed in. */
  at?: string;
}

export const signInAs = async (page: Page, url: string, role: string, options: SignInOptions = {}) => {
  await page.goto(`${url}/${options.at ?? ""}`);
  await page.check(`#signin input[name=role][value="${role}"]`);
  if (options.units?.length) {
    await page.waitForSelector("#signin select[name=units] option");
    await page.selectOption("#signin select[name=units]", options.units);
  }
  await page.click("#signin button[type=submit]");
  await page.waitForSelector("#signout");
};

/**
 * A page in a context of its own (its own storage: one person's session). axe-core needs pages made
 * this way rather than by `browser.newPage()`; closing the page closes its context.
 */
export const openPage = async (
  browser: Browser,
  options: { locale: string; viewport?: { width: number; height: number } },
): Promise<Page> => {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  // Swallowed: the browser may already be closing (afterAll), and an unhandled rejection fails the run.
  page.on("close", () => void context.close().catch(() => undefined));
  return page;
};

/**
 * Closes a page's own context and waits for it: `openPage`'s close handler would otherwise still be
 * closing it when the browser closes, an unhandled rejection.
 */
export const closePage = (page: Page): Promise<void> => page.context().close();
