/**
 * EventBridge Scheduler schedules, one per `SCHEDULES` entry (`#platform/schedules`), each invoking
 * its function with its fixed input, in the time zone its expression is read in. Missed invocations
 * are retried, then sent to the dead-letter queue.
 */
import { Stack, TimeZone, Validations } from "aws-cdk-lib";
import type { CfnFunction } from "aws-cdk-lib/aws-lambda";
import { Schedule, ScheduleExpression, ScheduleTargetInput } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { FunctionName } from "#platform/functions";
import { SCHEDULES, type ScheduleDeclaration } from "#platform/schedules";
import type { StrawberryFunction } from "./strawberry-function";

export interface SchedulesProps {
  /** The function each schedule invokes, by declared name. */
  readonly functions: Readonly<Record<FunctionName, StrawberryFunction>>;
  /** Receives invocations that still failed after the retries. */
  readonly deadLetterQueue: IQueue;
  /** The schedules. Tests pass samples; deployments use the declarations. @default SCHEDULES */
  readonly schedules?: readonly ScheduleDeclaration[];
}

/** Scheduler's retries of a failed invocation before the dead-letter queue. */
const RETRY_ATTEMPTS = 3;

export class Schedules extends Construct {
  public readonly schedules: readonly Schedule[];

  public constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const schedules: Schedule[] = [];
    for (const declaration of props.schedules ?? SCHEDULES) {
      const fn = props.functions[declaration.fn.name as FunctionName];
      if (!fn) {
        throw new Error(
          `Schedule ${declaration.id} targets ${declaration.fn.name}, which is not a declared function`,
        );
      }
      schedules.push(
        new Schedule(this, `${declaration.id}Schedule`, {
          description: declaration.description,
          schedule: ScheduleExpression.expression(declaration.expression, TimeZone.of(declaration.timeZone)),
          target: new LambdaInvoke(fn, {
            input: ScheduleTargetInput.fromObject(declaration.input),
            deadLetterQueue: props.deadLetterQueue,
            retryAttempts: RETRY_ATTEMPTS,
          }),
        }),
      );
      this.acknowledgeSchedulerRoles(fn);
    }
    this.schedules = schedules;
  }

  /**
   * aws-cdk-lib creates the scheduler's role (one per target function, a child of the stack); it may
   * invoke the function and its versions (`<arn>:*`): that is how `grantInvoke` names a function,
   * not a wildcard over other resources.
   */
  private acknowledgeSchedulerRoles(fn: StrawberryFunction): void {
    const stack = Stack.of(this);
    const fnLogicalId = stack.getLogicalId(fn.node.defaultChild as CfnFunction);
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith("SchedulerRoleForTarget-")) continue;
      Validations.of(child).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
        reason: "The schedule may invoke its target function's versions; the function itself is named.",
      });
    }
  }
}
