/** Every dashboard string exists in both languages, with the same placeholders, and none is empty. */
import { describe, expect, it } from "vitest";
import { LOCALES, MESSAGE_MODULES, MESSAGES, pickLocale, translate } from "#web/i18n";

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("dashboard strings", () => {
  const keys = new Set(LOCALES.flatMap((l) => Object.keys(MESSAGES[l])));

  it.each(LOCALES.map((l) => [l] as const))("%s has every key, none empty", (locale) => {
    const messages: Readonly<Record<string, string>> = MESSAGES[locale];
    const missing = [...keys].filter((k) => !messages[k]?.trim());
    expect(missing, `missing or empty in ${locale}`).toEqual([]);
  });

  it("fill the same placeholders in both languages", () => {
    const [first, ...others] = LOCALES.map((l): Readonly<Record<string, string>> => MESSAGES[l]);
    for (const key of keys)
      for (const other of others)
        expect(placeholders(other[key] ?? ""), key).toEqual(placeholders(first?.[key] ?? ""));
  });

  it("fill placeholders and pick Chinese for any zh browser language", () => {
    expect(translate("en", "signedInAs", { role: "cco" })).toBe("Signed in as cco");
    expect(pickLocale("zh-TW")).toBe("zh-CN");
    expect(pickLocale("en-GB")).toBe("en");
    expect(pickLocale(undefined)).toBe("en");
  });
});

describe("message modules", () => {
  it("define each key once, so no area silently overrides another's string", () => {
    const owners = new Map<string, string[]>();
    for (const [module, messages] of Object.entries(MESSAGE_MODULES))
      for (const key of Object.keys(messages.en)) owners.set(key, [...(owners.get(key) ?? []), module]);
    const twice = [...owners].filter(([, modules]) => modules.length > 1);
    expect(twice).toEqual([]);
  });
});
