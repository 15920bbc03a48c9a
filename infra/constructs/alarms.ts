/**
 * What operators are told about: any function's errors or throttles, and anything in the
 * dead-letter queue. Each alarm fires on a single occurrence in five minutes; a period without
 * data (no invocations) is not a breach.
 */
import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { pascal, stableScope } from "./ids";

export interface AlarmsProps {
  /** Every function to watch, by name (the name goes into the alarm ids and descriptions). */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** Alarms as soon as a message is visible in it. */
  readonly deadLetterQueue: IQueue;
  /** Alarm notifications go to this address, through an SNS topic. @default - no topic, no notifications */
  readonly alarmEmail?: string;
}

const PERIOD = Duration.minutes(5);

export class Alarms extends Construct {
  public readonly alarms: readonly Alarm[];
  /** Where the alarms notify, when an address is given. */
  public readonly topic?: Topic;

  public constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const alarms: Alarm[] = [];
    for (const [name, fn] of Object.entries(props.functions)) {
      alarms.push(
        this.alarm(`${pascal(name)}ErrorsAlarm`, {
          description: `${name}: invocations ended in an error`,
          metric: fn.metricErrors({ period: PERIOD, statistic: "Sum" }),
        }),
        this.alarm(`${pascal(name)}ThrottlesAlarm`, {
          description: `${name}: invocations were throttled`,
          metric: fn.metricThrottles({ period: PERIOD, statistic: "Sum" }),
        }),
      );
    }
    alarms.push(
      this.alarm("DeadLettersAlarm", {
        description: "Messages or events could not be processed or delivered: see the dead-letter queue",
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: PERIOD,
          statistic: "Maximum",
        }),
      }),
    );
    this.alarms = alarms;
    if (!props.alarmEmail) return;

    // The e-mail subscription is confirmed by its recipient once: the topic keeps the logical id
    // deployed stacks have, so a deploy never leaves alarms going to an unconfirmed subscription.
    const topic = new Topic(stableScope(this), "AlarmTopic", {
      displayName: "Strawberry alarms",
      enforceSSL: true,
    });
    topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(topic);
    for (const alarm of alarms) alarm.addAlarmAction(action);
    this.topic = topic;
  }

  private alarm(id: string, props: { description: string; metric: IMetric }): Alarm {
    return new Alarm(this, id, {
      alarmDescription: props.description,
      metric: props.metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
