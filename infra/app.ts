/**
 * The CDK app (`cdk.json`: `npx tsx infra/app.ts`). Synthesizes without AWS credentials; the
 * account and region come from the CLI's environment when deploying. Context settings (`-c key=value`
 * or `cdk.json`) are documented in README.md ("Deploy").
 */
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { parseStage } from "./constructs/stage";
import { StrawberryStack } from "./stack";

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return value === undefined || value === null || value === "" ? undefined : String(value);
};
const positive = (key: string): number | undefined => {
  const text = context(key);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`Context "${key}" must be a positive number`);
  return value;
};

const stage = parseStage(context("stage"));
const rateLimit = positive("apiRateLimit");
const burstLimit = positive("apiBurstLimit");

new StrawberryStack(app, `Strawberry-${stage}`, {
  stage,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: `Strawberry customer-experience governance (${stage})`,
  extraCorsOrigins: (context("corsOrigins") ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean),
  alarmEmail: context("alarmEmail"),
  ...(rateLimit || burstLimit
    ? { throttle: { rateLimit: rateLimit ?? 1000, burstLimit: burstLimit ?? 2000 } }
    : {}),
});

// cdk-nag 3 runs as a CDK policy-validation plugin: synthesis fails on any unacknowledged error.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
