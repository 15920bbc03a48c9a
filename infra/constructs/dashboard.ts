/**
 * The dashboard: files built from `web/` in a private bucket, served by CloudFront through origin
 * access control (content-hashed files cached for a year, `index.html` revalidated), with a generated
 * `config.json` telling the page where the API and the user pool are.
 * Both buckets log access; CloudFront and S3 server access logs go to one log bucket.
 */
import {
  AssetHashType,
  DefaultStackSynthesizer,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from "aws-cdk-lib";
import type { HttpStage } from "aws-cdk-lib/aws-apigatewayv2";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import type { IUserPool, IUserPoolClient, UserPoolDomain } from "aws-cdk-lib/aws-cognito";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from "aws-cdk-lib/aws-s3";
import { BucketDeployment, type ISource, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { buildWeb, WEB_ROOT } from "#infra/build-web";
import { dashboardCsp, HASHED_DIR, IMMUTABLE_CACHE, REVALIDATE_CACHE } from "#infra/web-headers";
import { stableScope } from "./ids";
import type { Stage } from "./stage";

export interface DashboardProps {
  /** Named in the distribution's comment; `prod` keeps access logs a year instead of 30 days. */
  readonly stage: Stage;
}

/**
 * The dashboard built from `web/` by infra/build-web.ts, at synthesis, into the asset's staging
 * directory (CDK local bundling: no Docker). Stacks synthesized with bundling skipped (the infra
 * tests) reference the sources instead, as they do for the functions.
 */
const builtDashboard = (): ISource =>
  Source.asset(WEB_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry("node:22-alpine"),
      local: {
        tryBundle: (outputDir: string) => {
          buildWeb(outputDir);
          return true;
        },
      },
    },
  });

/** Where the dashboard finds the backend: written to `config.json` beside its files. */
export interface DashboardContentProps {
  /** A directory of already built files to deploy as they are. @default - built from `web/` at synthesis */
  readonly webDir?: string;
  /** The API's stage: its URL goes into the config, and the upload waits for it. */
  readonly apiStage: HttpStage;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  /** The hosted UI the dashboard signs people in through (authorization code + PKCE). */
  readonly userPoolDomain: UserPoolDomain;
}

const BOOTSTRAP_QUALIFIER_CONTEXT = "@aws-cdk/core:bootstrapQualifier";

export class Dashboard extends Construct {
  /** Holds the dashboard's files; only this distribution may read it. */
  public readonly siteBucket: Bucket;
  public readonly distribution: Distribution;
  /** `https://<distribution domain>`, the origin the API allows in CORS. */
  public readonly origin: string;
  private readonly stage: Stage;

  public constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    this.stage = props.stage;
    // Logs, the site's files and the dashboard URL (the distribution's domain) outlive any deploy:
    // the buckets, their policies and the distribution keep their logical ids (see ./ids.ts).
    const stack = stableScope(this);
    const logBucket = new Bucket(stack, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes through an ACL grant to the log-delivery account.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.stage === "prod" ? 365 : 30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logBucket).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This is the access-log bucket itself; logging it into itself would loop.",
    });
    this.siteBucket = new Bucket(stack, "Site", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: "site/",
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const origin = S3BucketOrigin.withOriginAccessControl(this.siteBucket);
    this.distribution = new Distribution(stack, "Dashboard", {
      comment: `Strawberry dashboard (${props.stage})`,
      defaultRootObject: "index.html",
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        // index.html and config.json: the security headers, revalidated on every load.
        responseHeadersPolicy: this.headersPolicy("SecurityHeaders", "security headers", REVALIDATE_CACHE),
      },
      additionalBehaviors: {
        // The build's content-hashed files: the same headers, cached for a year.
        [`/${HASHED_DIR}/*`]: {
          origin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: this.headersPolicy("AssetHeaders", "hashed files", IMMUTABLE_CACHE),
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: "AwsSolutions-CFR1",
        reason:
          "The dashboard serves a multinational workforce; access is controlled by sign-in, not geography.",
      },
      {
        id: "AwsSolutions-CFR2",
        reason:
          "Static files only; the API behind it is throttled and authenticated. Attach a WAF web ACL " +
          "when the organisation provides one.",
      },
      {
        id: "AwsSolutions-CFR4",
        reason:
          "Uses the default *.cloudfront.net certificate, for which CloudFront fixes the TLS policy; " +
          "set a custom domain and certificate to pin TLSv1.2_2021.",
      },
    );
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }

  /** The security headers (the same as the local runtime's, infra/web-headers.ts) with a cache-control. */
  private headersPolicy(id: string, what: string, cacheControl: string): ResponseHeadersPolicy {
    return new ResponseHeadersPolicy(this, id, {
      comment: `Strawberry dashboard ${what} (${this.stage})`,
      securityHeadersBehavior: {
        // The API's id would make a cycle (its CORS names this distribution), so any API
        // Gateway host of this region may be called; the API itself still checks every token.
        // Likewise the hosted UI's token endpoint (the sign-in's client names this origin).
        contentSecurityPolicy: {
          contentSecurityPolicy: dashboardCsp([
            `https://*.execute-api.${Stack.of(this).region}.amazonaws.com`,
            `https://*.auth.${Stack.of(this).region}.amazoncognito.com`,
          ]),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: "Cache-Control", value: cacheControl, override: true }],
      },
    });
  }

  /**
   * Uploads the files and `config.json`, then invalidates the distribution. A method rather than a
   * prop because the API needs this construct's origin (CORS) before the config can name the API.
   */
  public deployContent(props: DashboardContentProps): BucketDeployment {
    const config = Source.jsonData("config.json", {
      stage: this.stage,
      apiUrl: props.apiStage.url,
      region: Stack.of(this).region,
      userPoolId: props.userPool.userPoolId,
      userPoolClientId: props.userPoolClient.userPoolClientId,
      cognitoDomain: props.userPoolDomain.baseUrl(),
      dashboardOrigin: this.origin,
    });
    const deployment = new BucketDeployment(this, "DeployDashboard", {
      destinationBucket: this.siteBucket,
      sources: [props.webDir ? Source.asset(props.webDir) : builtDashboard(), config],
      distribution: this.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 512,
    });
    deployment.node.addDependency(props.apiStage);
    this.acknowledgeBucketDeployment(deployment);
    return deployment;
  }

  /**
   * BucketDeployment brings a singleton provider function (a child of the stack) whose role, managed
   * policy and runtime aws-cdk-lib decides: it copies the dashboard from the CDK asset bucket into
   * the site bucket and invalidates the distribution (CloudFront invalidation actions support no
   * resource ARNs).
   */
  private acknowledgeBucketDeployment(deployment: BucketDeployment): void {
    const stack = Stack.of(this);
    const handler = stack.node.children.find((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"));
    const qualifier: string =
      this.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const siteLogicalId = stack.getLogicalId(this.siteBucket.node.defaultChild as CfnBucket);
    // cdk-nag renders an environment-agnostic stack's account and region as placeholders.
    const account = Token.isUnresolved(stack.account) ? "<AWS::AccountId>" : stack.account;
    const region = Token.isUnresolved(stack.region) ? "<AWS::Region>" : stack.region;
    const reason = "aws-cdk-lib's BucketDeployment provider, scoped by CDK to the asset and site buckets.";
    const findings = [
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
      "AwsSolutions-L1",
      ...["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:Abort*"].map(
        (action) => `AwsSolutions-IAM5[Action::${action}]`,
      ),
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*]`,
      `AwsSolutions-IAM5[Resource::<${siteLogicalId}.Arn>/*]`,
      "AwsSolutions-IAM5[Resource::*]",
    ];
    for (const target of handler ? [deployment, handler] : [deployment]) {
      Validations.of(target).acknowledge(...findings.map((id) => ({ id, reason })));
    }
  }
}
