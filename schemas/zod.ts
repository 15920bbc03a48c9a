/**
 * The one zod entry point. `zod/mini` keeps each Lambda bundle small (the classic API alone is
 * ~450 KB minified); loading the English locale once gives clients readable messages.
 */
import * as z from "zod/mini";

z.config(z.locales.en());

export { z };
