import * as z from "zod/mini";
import { Id, Role, text } from "./common";
import "./zod";

/** Local mode only: `POST /v1/dev/token`. */
export const DevTokenRequest = z.object({
  role: Role,
  businessUnitIds: z.optional(z.array(Id).check(z.maxLength(100))),
  sub: z.optional(text(1, 128)),
});
export type DevTokenRequest = z.infer<typeof DevTokenRequest>;

export const DevTokenResponse = z.object({ token: z.string() });

export const Health = z.object({ status: z.literal("ok") });
