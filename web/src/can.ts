/**
 * What the signed-in user may do, asked of the same grant table the API enforces (`#core/authorize`),
 * so a page offers exactly the actions the API would allow: never restated here.
 */
import { type Action, authorize } from "#core/authorize";
import type { Role } from "#schemas/common";
import { role, units } from "./state";

/** May the user take `action` (on unit `unitId`'s data, when given)? */
export const can = (action: Action, unitId?: string): boolean => {
  const current = role.value;
  if (!current) return false;
  return authorize({ sub: "", roles: [current as Role], businessUnitIds: units.value }, action, unitId)
    .allowed;
};
