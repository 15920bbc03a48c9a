/**
 * Sign-in in AWS (Cognito; the local runtime issues dev tokens instead). The user pool's groups are
 * the roles; the custom attribute holding a `bu-head`'s unit ids (separated by `;`, `,` or spaces)
 * is copied into the access token as the `businessUnitIds` claim by the pre-token-generation trigger.
 */
import type { FunctionDeclaration } from "./lambda";

export const COGNITO = {
  businessUnitIdsAttribute: "businessUnitIds",
  businessUnitIdsClaim: "businessUnitIds",
  preTokenGeneration: {
    name: "preTokenGeneration",
    entry: "functions/handlers/cognito-pre-token.ts",
    description: "Cognito pre token generation (V2): businessUnitIds into the access token",
    dynamodb: [],
  },
} as const satisfies {
  businessUnitIdsAttribute: string;
  businessUnitIdsClaim: string;
  preTokenGeneration: FunctionDeclaration;
};
