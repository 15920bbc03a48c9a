/**
 * Loads zod's English messages once. Schemas import `zod/mini` (not the classic API, ~450 KB
 * minified) as a namespace that is only dotted into, never re-exported, so esbuild can drop what
 * a bundle does not use; `z.locales` would pull in every language, hence the single locale import.
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());
