/**
 * The HTTP API of the public contract v1: one route per `ROUTES` entry (`#routes/index`), each
 * invoking its declared function, with Cognito's JWT authorizer on every route not declared public.
 * Nothing here names a route; add routes to the declarations.
 */
import { Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { routeKeyOf } from "#http/route";
import type { FunctionName } from "#platform/functions";
import { ROUTES } from "#routes/index";
import { pascal, stableScope } from "./ids";
import type { Stage } from "./stage";
import type { StrawberryFunction } from "./strawberry-function";

export interface ApiProps {
  /** Names the API `strawberry-<stage>`; `prod` retains the access logs. */
  readonly stage: Stage;
  /** The function each route invokes, by declared name. */
  readonly functions: Readonly<Record<FunctionName, StrawberryFunction>>;
  /** Whose tokens the JWT authorizer accepts: this pool's, issued to this client. */
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  /** Browser origins allowed by CORS: the dashboard's, and any extra ones. */
  readonly corsOrigins: readonly string[];
  /** Default stage throttling. @default { rateLimit: 1000, burstLimit: 2000 } */
  readonly throttle?: ThrottleSettings;
  /** Retention of the JSON access logs. @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/** One JSON object per request: what an operator needs to follow a request or an authorizer refusal. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: "$context.requestId",
    ip: "$context.identity.sourceIp",
    time: "$context.requestTime",
    method: "$context.httpMethod",
    route: "$context.routeKey",
    status: "$context.status",
    responseLength: "$context.responseLength",
    latency: "$context.responseLatency",
    integrationLatency: "$context.integrationLatency",
    integrationError: "$context.integrationErrorMessage",
    authorizerError: "$context.authorizer.error",
  }),
);

export class Api extends Construct {
  public readonly httpApi: HttpApi;
  /** The `$default` stage, auto-deployed: its URL is the API's base URL. */
  public readonly stage: HttpStage;

  public constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, "AccessLogs", {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Channels and scripts call the API by its URL, and a route key or the stage name must be unique
    // in its API: the API, its routes and its stage keep their logical ids (see ./ids.ts).
    const stack = stableScope(this);
    this.httpApi = new HttpApi(stack, "Api", {
      apiName: `strawberry-${props.stage}`,
      description: "Strawberry public contract v1",
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.PUT,
          CorsHttpMethod.POST,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ["authorization", "content-type", "accept"],
        maxAge: Duration.hours(1),
      },
    });
    this.stage = new HttpStage(stack, "ApiStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 1000, burstLimit: 2000 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    this.addRoutes(props);
  }

  /** One route per declaration; a function serving several routes has one integration. */
  private addRoutes(props: ApiProps): void {
    const authorizer = new HttpUserPoolAuthorizer("Cognito", props.userPool, {
      userPoolClients: [props.userPoolClient],
    });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of ROUTES) {
      const name = route.fn.name;
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascal(name)}Integration`, props.functions[name]);
        integrations.set(name, integration);
      }
      const isPublic = route.access === "public";
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        ...(isPublic ? {} : { authorizer }),
      });
      if (isPublic && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: "AwsSolutions-APIG4",
          reason: `${routeKeyOf(route)} is declared public in its route entry (DESIGN §4).`,
        });
      }
    }
  }
}
