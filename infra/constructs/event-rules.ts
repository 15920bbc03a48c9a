/**
 * The rules on the governance bus, one per `EVENT_RULES` entry (`#platform/events`). A rule whose
 * target declares a `queue` delivers through SQS in batches, the function reporting partial batch
 * failures; any other invokes its function directly. Either way, what cannot be delivered or
 * processed ends in the dead-letter queue.
 */
import { Duration } from "aws-cdk-lib";
import type { IEventBus } from "aws-cdk-lib/aws-events";
import { Rule } from "aws-cdk-lib/aws-events";
import { LambdaFunction, SqsQueue } from "aws-cdk-lib/aws-events-targets";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { type IQueue, Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { DELIVERY, EVENT_RULES, type EventRuleDeclaration } from "#platform/events";
import type { FunctionName } from "#platform/functions";
import { stableScope } from "./ids";
import type { StrawberryFunction } from "./strawberry-function";

export interface EventRulesProps {
  /** The governance bus the rules listen on. */
  readonly bus: IEventBus;
  /** The function each rule targets, by declared name. */
  readonly functions: Readonly<Record<FunctionName, StrawberryFunction>>;
  /** Receives events a rule could not deliver and messages a queue could not get processed. */
  readonly deadLetterQueue: IQueue;
  /** @default EVENT_RULES */
  readonly rules?: readonly EventRuleDeclaration[];
}

/**
 * Where whatever could not be delivered or processed waits for an operator: events a rule could not
 * deliver, queued messages received too often, schedule invocations that kept failing. Kept two
 * weeks, SQS's maximum; the dead-letters alarm fires on the first message. Deployed stacks know it
 * as the stack's child `DeadLetters`: create it with that id in the stack's scope.
 */
export class DeadLetterQueue extends Queue {
  public constructor(scope: Construct, id: string) {
    super(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
  }
}

const MAX_RECEIVE_COUNT = DELIVERY.maxReceiveCount;
const DIRECT_RETRY_ATTEMPTS = DELIVERY.directRetryAttempts;

export class EventRules extends Construct {
  /** The queue between each queued rule and its function, by rule id. */
  public readonly queues: Readonly<Record<string, Queue>>;

  public constructor(scope: Construct, id: string, props: EventRulesProps) {
    super(scope, id);
    const queues: Record<string, Queue> = {};
    const declarations: readonly EventRuleDeclaration[] = props.rules ?? EVENT_RULES;
    for (const declaration of declarations) {
      const fn = props.functions[declaration.target.fn.name as FunctionName];
      if (!fn) {
        throw new Error(
          `Event rule ${declaration.id} targets ${declaration.target.fn.name}, which is not a declared function`,
        );
      }
      const { source, "detail-type": detailType } = declaration.pattern;
      const rule = new Rule(this, `${declaration.id}Rule`, {
        eventBus: props.bus,
        description: declaration.description,
        eventPattern: {
          ...(source ? { source: [...source] } : {}),
          ...(detailType ? { detailType: [...detailType] } : {}),
        },
      });
      const queued = declaration.target.queue;
      if (!queued) {
        rule.addTarget(
          new LambdaFunction(fn, {
            deadLetterQueue: props.deadLetterQueue,
            retryAttempts: DIRECT_RETRY_ATTEMPTS,
          }),
        );
        continue;
      }
      // The queue holds events not yet ingested: it keeps the logical id deployed stacks have, so a
      // deploy never deletes it with messages in it (see ./ids.ts).
      const queue = new Queue(stableScope(this), `${declaration.id}Queue`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // AWS's guidance for SQS event sources: at least six times the function timeout.
        visibilityTimeout: Duration.seconds(6 * fn.timeout!.toSeconds()),
        deadLetterQueue: { queue: props.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
      });
      rule.addTarget(new SqsQueue(queue, { deadLetterQueue: props.deadLetterQueue }));
      fn.addEventSource(
        new SqsEventSource(queue, {
          batchSize: queued.batchSize,
          maxBatchingWindow: Duration.seconds(queued.maxBatchingWindowSeconds),
          reportBatchItemFailures: true,
        }),
      );
      queues[declaration.id] = queue;
    }
    this.queues = queues;
  }
}
