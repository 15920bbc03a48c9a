/** Signing in through the landing page's role picker, as a person would, at the address given. */
import type { Page } from "playwright-core";

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
