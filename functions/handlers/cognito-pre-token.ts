/**
 * Cognito pre token generation trigger (event version V2_0). API Gateway's JWT authorizer sees
 * access tokens, and Cognito puts custom attributes only into ID tokens; this trigger copies a
 * `bu-head`'s `custom:businessUnitIds` (ids separated by commas, spaces or semicolons, or a JSON
 * array) into both tokens as the `businessUnitIds` claim, a list of unit ids. The attribute is
 * writable by administrators only (see the app client in infra/stack.ts).
 */
import type { PreTokenGenerationV2TriggerEvent } from "aws-lambda";
import { logger } from "#lib/powertools";
import { COGNITO } from "#platform/cognito";
import { Id } from "#schemas/common";

const ATTRIBUTE = `custom:${COGNITO.businessUnitIdsAttribute}`;

/** V2 claims may be lists (the type in @types/aws-lambda only knows strings). */
type Claims = Record<string, string | string[]>;

/** The trigger's answer: the event with token claims to add. */
export type PreTokenGenerationV2Result = Omit<PreTokenGenerationV2TriggerEvent, "response"> & {
  response: {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration?: { claimsToAddOrOverride: Claims };
      accessTokenGeneration?: { claimsToAddOrOverride: Claims };
    };
  };
};

const splitIds = (text: string): unknown[] => {
  if (text.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON: read it as a separated list.
    }
  }
  return text.split(/[\s,;[\]"]+/);
};

/**
 * The valid, distinct unit ids in the attribute's value, in their order; invalid entries are
 * dropped (and reported), so a typo never widens anyone's access.
 */
export const parseBusinessUnitIds = (value: string | undefined): { ids: string[]; invalid: string[] } => {
  const ids: string[] = [];
  const invalid: string[] = [];
  for (const item of splitIds((value ?? "").trim())) {
    if (item === "") continue;
    const parsed = Id.safeParse(item);
    if (!parsed.success) invalid.push(String(item));
    else if (!ids.includes(parsed.data)) ids.push(parsed.data);
  }
  return { ids, invalid };
};

export const handler = async (
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2Result> => {
  const { ids, invalid } = parseBusinessUnitIds(event.request.userAttributes[ATTRIBUTE]);
  if (invalid.length > 0) {
    logger.warn("Ignoring invalid business unit ids in the user's attribute", {
      sub: event.request.userAttributes.sub,
      invalid,
    });
  }
  if (ids.length === 0) return { ...event, response: { claimsAndScopeOverrideDetails: {} } };
  const claims: Claims = { [COGNITO.businessUnitIdsClaim]: ids };
  return {
    ...event,
    response: {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: claims },
        accessTokenGeneration: { claimsToAddOrOverride: claims },
      },
    },
  };
};
