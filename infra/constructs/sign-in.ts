/**
 * Sign-in: a Cognito user pool whose groups are the roles, its one app client (the dashboard and
 * scripts), the hosted UI's domain, and the pre-token-generation trigger. A bu-head's units live in a
 * custom attribute that only administrators may write; the trigger copies it into the access token,
 * where the API's JWT authorizer and the handlers read it (`#platform/cognito`). The dashboard signs
 * people in through the hosted UI with the authorization code grant; the client has no secret, so
 * the dashboard proves each code with PKCE (web/src/auth.ts).
 */
import { Aws, Duration, Fn, RemovalPolicy, Validations } from "aws-cdk-lib";
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolOperation,
} from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";
import { COGNITO } from "#platform/cognito";
import { ROLES } from "#schemas/common";
import { declaredFunction, type FunctionDefaults } from "./function-set";
import { pascal, stableScope } from "./ids";
import type { StrawberryFunction } from "./strawberry-function";

/** `prod` also turns on the pool's deletion protection, retains it and shortens refresh tokens. */
export interface SignInProps extends FunctionDefaults {
  /** The dashboard's origin (`https://….cloudfront.net`): where the hosted UI sends people back. */
  readonly dashboardOrigin: string;
}

/**
 * The hosted UI's domain prefix: `strawberry-<stage>-<account>`, unique per account and stage (a
 * prefix is global within a region), at most 11 + 4 + 1 + 12 = 28 characters of lowercase letters,
 * digits and hyphens, and free of the words Cognito reserves (aws, amazon, cognito).
 */
export const domainPrefixOf = (stage: string, account: string = Aws.ACCOUNT_ID): string =>
  Fn.join("-", ["strawberry", stage, account]);

export class SignIn extends Construct {
  /** Puts a bu-head's `businessUnitIds` into the access token (Cognito's V2 trigger event). */
  public readonly preTokenFunction: StrawberryFunction;
  public readonly userPool: UserPool;
  /** The app client whose tokens the API accepts. */
  public readonly client: UserPoolClient;
  /** The hosted UI (`https://<prefix>.auth.<region>.amazoncognito.com`), named in the dashboard's config.json. */
  public readonly domain: UserPoolDomain;

  public constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);
    const prod = props.stage === "prod";
    this.preTokenFunction = declaredFunction(this, COGNITO.preTokenGeneration, props);

    // The pool holds the users, the client id is in scripts and tokens, and a group's name must be
    // unique in its pool: all three keep the logical ids deployed stacks have (see ./ids.ts).
    const stack = stableScope(this);
    this.userPool = new UserPool(stack, "UserPool", {
      featurePlan: FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      customAttributes: {
        [COGNITO.businessUnitIdsAttribute]: new StringAttribute({ minLen: 0, maxLen: 2048, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preTokenFunction,
      LambdaVersion.V2_0,
    );
    for (const role of ROLES) {
      new CfnUserPoolGroup(stack, `Group${pascal(role)}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `Strawberry role ${role}`,
      });
    }
    // A new resource, under the construct's own path: no deployed id to keep.
    this.domain = this.userPool.addDomain("HostedUi", {
      cognitoDomain: { domainPrefix: domainPrefixOf(props.stage) },
    });
    const returnTo = `${props.dashboardOrigin}/`;
    this.client = this.userPool.addClient("Client", {
      // People sign in through the hosted UI (authorization code only: no implicit grant, no client
      // credentials); scripts through the Cognito API (USER_PASSWORD_AUTH, or SRP).
      authFlows: { userPassword: true, userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [returnTo],
        logoutUrls: [returnTo],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      // A public client: no secret to leak from a browser; PKCE proves each code instead.
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(prod ? 1 : 7),
      // Users must not be able to grant themselves units: the custom attribute is not writable.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: "AwsSolutions-COG2",
        reason:
          "MFA is OPTIONAL (TOTP) rather than required: `ingest` users are machine clients that sign in " +
          "non-interactively. Require MFA for people through the organisation's sign-in policy.",
      },
      {
        id: "AwsSolutions-COG8",
        reason:
          "Essentials is the plan the pre-token-generation V2 trigger (access token claims) needs; Plus " +
          "adds threat protection at a higher price per MAU. The pool has no self sign-up, a 12-character " +
          "complex password policy and optional TOTP; switch to Plus for prod if the organisation requires it.",
      },
    );
  }
}
