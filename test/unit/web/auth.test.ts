/**
 * The pure parts of company sign-in (authorization code + PKCE): the RFC 7636 test vector, the
 * authorize, token and logout addresses, a forged return refused, and a token's claims to a role.
 */
import { describe, expect, it } from "vitest";
import {
  authorizeUrl,
  base64url,
  challengeOf,
  claimsOf,
  cognitoFrom,
  grantOf,
  logoutUrl,
  randomToken,
  readReturn,
  tokenRequest,
} from "#web/auth-flow";

const CONFIG = {
  stage: "dev",
  apiUrl: "https://abc.execute-api.eu-west-1.amazonaws.com/",
  cognitoDomain: "https://strawberry-dev-123456789012.auth.eu-west-1.amazoncognito.com",
  userPoolClientId: "client123",
  dashboardOrigin: "https://d111.cloudfront.net",
};
const SIGN = cognitoFrom(CONFIG);

/** An unsigned JWT with these claims (the dashboard never verifies: the API does). */
const jwt = (claims: object) =>
  ["{}", JSON.stringify(claims), ""].map((part) => base64url(new TextEncoder().encode(part))).join(".");

describe("config.json", () => {
  it("names the hosted UI, the client and the dashboard as the return address", () => {
    expect(SIGN).toEqual({
      domain: CONFIG.cognitoDomain,
      clientId: "client123",
      redirectUri: "https://d111.cloudfront.net/",
      apiUrl: "https://abc.execute-api.eu-west-1.amazonaws.com",
    });
  });

  it("without a hosted UI (or not over https) means the local role picker", () => {
    expect(cognitoFrom(null)).toBeNull();
    expect(cognitoFrom({ ...CONFIG, cognitoDomain: undefined })).toBeNull();
    expect(cognitoFrom({ ...CONFIG, cognitoDomain: "http://evil.example" })).toBeNull();
    expect(cognitoFrom({ ...CONFIG, userPoolClientId: "" })).toBeNull();
  });
});

describe("PKCE", () => {
  it("gives RFC 7636 appendix B's challenge for its verifier (from the appendix's 32 octets)", async () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
      191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];
    const verifier = base64url(new Uint8Array(octets));
    expect(verifier).toBe("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    expect(await challengeOf(verifier)).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("makes fresh verifiers of 43 base64url characters", () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });
});

describe("the addresses", () => {
  if (!SIGN) throw new Error("config not read");
  it("asks for a code with the S256 challenge, the state and the OpenID scopes", () => {
    const url = new URL(authorizeUrl(SIGN, { state: "s1", challenge: "c1" }));
    expect(url.origin + url.pathname).toBe(`${CONFIG.cognitoDomain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "client123",
      redirect_uri: "https://d111.cloudfront.net/",
      scope: "openid email profile",
      state: "s1",
      code_challenge: "c1",
      code_challenge_method: "S256",
    });
  });

  it("exchanges the code with the verifier and no secret", () => {
    const request = tokenRequest(SIGN, "code1", "verifier1");
    expect(request.url).toBe(`${CONFIG.cognitoDomain}/oauth2/token`);
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: "authorization_code",
      client_id: "client123",
      code: "code1",
      redirect_uri: "https://d111.cloudfront.net/",
      code_verifier: "verifier1",
    });
  });

  it("signs out of the hosted UI back to the dashboard", () => {
    const url = new URL(logoutUrl(SIGN));
    expect(url.pathname).toBe("/logout");
    expect(url.searchParams.get("logout_uri")).toBe("https://d111.cloudfront.net/");
    expect(url.searchParams.get("client_id")).toBe("client123");
  });
});

describe("the return from the hosted UI", () => {
  it("takes the code only with the state this tab sent", () => {
    expect(readReturn("?code=abc&state=s1", "s1")).toEqual({ kind: "code", code: "abc" });
    expect(readReturn("?code=abc&state=forged", "s1")).toEqual({ kind: "refused", reason: "state mismatch" });
    expect(readReturn("?code=abc&state=s1", null)).toEqual({ kind: "refused", reason: "state mismatch" });
    expect(readReturn("?code=abc", "s1").kind).toBe("refused");
  });

  it("passes Cognito's refusal on, and ignores an address with neither", () => {
    expect(readReturn("?error=access_denied&error_description=User+cancelled&state=s1", "s1")).toEqual({
      kind: "refused",
      reason: "User cancelled",
    });
    expect(readReturn("", "s1")).toEqual({ kind: "none" });
    expect(readReturn("?lang=zh", "s1")).toEqual({ kind: "none" });
  });
});

describe("a token's grant", () => {
  it("reads the claims of a JWT, Chinese included", () => {
    expect(claimsOf(jwt({ sub: "u1", name: "张三" }))).toMatchObject({ sub: "u1", name: "张三" });
    expect(() => claimsOf("nonsense")).toThrow();
  });

  it("takes the role from cognito:groups and a head's units from businessUnitIds", () => {
    expect(grantOf(jwt({ "cognito:groups": ["bu-head"], businessUnitIds: "bu-a,bu-b" }))).toEqual({
      role: "bu-head",
      units: ["bu-a", "bu-b"],
    });
    expect(grantOf(jwt({ "cognito:groups": ["executive"], businessUnitIds: ["bu-a"] }))).toEqual({
      role: "executive",
      units: [],
    });
    // API Gateway's flattened form, and the broadest role when a person holds several.
    expect(grantOf(jwt({ roles: "[bu-head cco]" }))).toEqual({ role: "cco", units: [] });
  });

  it("grants nothing to a token without a dashboard role", () => {
    expect(grantOf(jwt({ "cognito:groups": ["ingest"] }))).toBeNull();
    expect(grantOf(jwt({ sub: "u1" }))).toBeNull();
  });
});
