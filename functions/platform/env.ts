/**
 * Environment variable names shared by the handlers (which read them), the CDK stack and the local
 * runtime (which set them). Values are read once, failing by name: `functions/lib/config.ts`.
 */
export const ENV = {
  tableName: "TABLE_NAME",
  hmacSecretArn: "HMAC_SECRET_ARN",
  hmacKey: "HMAC_KEY",
  cursorKey: "CURSOR_KEY",
  cursorSecretArn: "CURSOR_SECRET_ARN",
  busName: "EVENT_BUS_NAME",
  stage: "STAGE",
} as const;
