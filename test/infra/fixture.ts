/**
 * Synthesizes the stack once per test file (and stage). Asset bundling is skipped here
 * (`aws:cdk:bundling-stacks`), which changes nothing in the template but the code hashes;
 * bundling.test.ts synthesizes with real bundling. `constructStack` gives a construct alone a stack
 * of its own, to check what the whole stack's declarations do not exercise.
 */
import { App, type CfnElement, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IConstruct } from "constructs";
import { beforeAll } from "vitest";
import { declaredFunction } from "#infra/constructs/function-set";
import type { Stage } from "#infra/constructs/stage";
import type { StrawberryFunction } from "#infra/constructs/strawberry-function";
import { PROJECT_ROOT, StrawberryStack, type StrawberryStackProps } from "#infra/stack";
import { FUNCTIONS, type FunctionName } from "#platform/functions";
import { SCHEDULES, type ScheduleDeclaration } from "#platform/schedules";

/** Generous: synthesis with real bundling takes seconds on a busy machine. */
export const SYNTH_TIMEOUT_MS = 180_000;

/** The declared schedules, as the stacks synthesized here get them by default. */
export const DECLARED_SCHEDULES: readonly ScheduleDeclaration[] = SCHEDULES;

export interface Synthesized {
  app: App;
  stack: StrawberryStack;
  template: Template;
  /** The logical id of a construct's CloudFormation resource. */
  logicalId: (construct: IConstruct) => string;
}

/**
 * Synthesizes the dev and prod stacks (prod with an alarm e-mail) once before a file's tests; read
 * them through the returned object (`stages.dev`), which is filled in by then.
 */
export const synthesizeStages = (): { dev: Synthesized; prod: Synthesized } => {
  const stages = {} as { dev: Synthesized; prod: Synthesized };
  beforeAll(() => {
    stages.dev = synthesize("dev");
    stages.prod = synthesize("prod", { alarmEmail: "ops@example.com" });
  }, SYNTH_TIMEOUT_MS);
  return stages;
};

export const synthesize = (
  stage: Stage,
  extra: Partial<StrawberryStackProps> = {},
  options: { bundle?: boolean; outdir?: string } = {},
): Synthesized => {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: options.bundle ? {} : { "aws:cdk:bundling-stacks": [] },
  });
  const stack = new StrawberryStack(app, `Strawberry-${stage}`, {
    stage,
    ...extra,
  });
  const template = Template.fromStack(stack);
  const logicalId = (construct: IConstruct): string => {
    const element = (construct.node.defaultChild ?? construct) as CfnElement;
    return Stack.of(construct).getLogicalId(element);
  };
  return { app, stack, template, logicalId };
};

/** A stack of its own for a construct under test, bundling skipped like `synthesize`. */
export const constructStack = (): Stack =>
  new Stack(new App({ context: { "aws:cdk:bundling-stacks": [] } }), "Test");

/** A declared function, as the stack would create it (no access granted), in a `constructStack`. */
export const sampleFunction = (stack: Stack, name: FunctionName = "health"): StrawberryFunction =>
  declaredFunction(stack, FUNCTIONS[name], {
    projectRoot: PROJECT_ROOT,
    stage: "dev",
    logRetention: RetentionDays.ONE_MONTH,
  });

/** `Fn::GetAtt` of a declared function's ARN. */
export const fnArn = (s: Synthesized, name: FunctionName) => ({
  "Fn::GetAtt": [s.logicalId(s.stack.functions[name]), "Arn"],
});

type Resource = { Type: string; Properties: Record<string, unknown> } & Record<string, unknown>;

/** The value, or a test failure naming what was missing. */
export const must = <T>(value: T | undefined, what = "value"): T => {
  if (value === undefined) throw new Error(`Expected a ${what}`);
  return value;
};

/** The template's resources of one type, by logical id. */
export const resourcesOf = (template: Template, type: string): Record<string, Resource> =>
  template.findResources(type) as Record<string, Resource>;

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every IAM statement that applies to a role: its inline policies and the policies attached to it. */
export const statementsOfRole = (template: Template, roleLogicalId: string): Statement[] => {
  const role = resourcesOf(template, "AWS::IAM::Role")[roleLogicalId];
  if (!role) throw new Error(`No role ${roleLogicalId}`);
  const inline = (
    (role.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]
  ).flatMap((p) => p.PolicyDocument.Statement);
  const attached = Object.values(resourcesOf(template, "AWS::IAM::Policy"))
    .filter((p) =>
      ((p.Properties.Roles ?? []) as unknown[]).some(
        (r) => JSON.stringify(r) === JSON.stringify({ Ref: roleLogicalId }),
      ),
    )
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  return [...inline, ...attached];
};
