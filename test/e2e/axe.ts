/**
 * Accessibility in the same Chromium, by axe-core: the serious and critical violations on the page
 * as it stands, each named with its rule and the elements it found, so a failure says what to fix.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

export const seriousViolations = async (page: Page): Promise<string[]> => {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};
