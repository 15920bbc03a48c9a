/** The dashboard: private, encrypted, TLS-only buckets behind CloudFront, deployed with its config. */
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { must, resourcesOf, synthesizeStages } from "./fixture";

const stages = synthesizeStages();

describe("dashboard", () => {
  it("keeps every bucket private, encrypted and TLS-only", () => {
    const buckets = resourcesOf(stages.dev.template, "AWS::S3::Bucket");
    const policies = Object.values(resourcesOf(stages.dev.template, "AWS::S3::BucketPolicy"));
    expect(Object.keys(buckets).length).toBeGreaterThanOrEqual(2);
    for (const [id, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      });
      const tlsOnly = policies.some(
        (p) =>
          JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: id }) &&
          JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
      );
      expect(tlsOnly, id).toBe(true);
    }
  });

  it.each([
    ["dev", () => stages.dev, 30],
    ["prod", () => stages.prod, 365],
  ] as const)(
    "in %s, logs site and CloudFront access, kept %i days, and retains both buckets",
    (_, s, days) => {
      // Prepare
      const { template, stack, logicalId } = s();
      const buckets = resourcesOf(template, "AWS::S3::Bucket");
      const site = must(buckets[logicalId(stack.siteBucket)], "site bucket");

      // Act
      const logBucketId = (site.Properties.LoggingConfiguration as { DestinationBucketName: { Ref: string } })
        .DestinationBucketName.Ref;

      // Assess
      expect(buckets[logBucketId]?.Properties.LifecycleConfiguration).toEqual({
        Rules: [{ ExpirationInDays: days, Status: "Enabled" }],
      });
      expect(site.DeletionPolicy).toBe("Retain");
      expect(buckets[logBucketId]?.DeletionPolicy).toBe("Retain");
      template.hasResourceProperties("AWS::CloudFront::Distribution", {
        DistributionConfig: Match.objectLike({
          Logging: Match.objectLike({
            Bucket: { "Fn::GetAtt": [logBucketId, "RegionalDomainName"] },
            Prefix: "cloudfront/",
          }),
        }),
      });
    },
  );

  it("serves the site bucket through CloudFront with origin access control only", () => {
    const siteId = stages.dev.logicalId(stages.dev.stack.siteBucket);
    stages.dev.template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: "redirect-to-https" }),
        Origins: [
          Match.objectLike({
            DomainName: { "Fn::GetAtt": [siteId, "RegionalDomainName"] },
            OriginAccessControlId: Match.anyValue(),
            S3OriginConfig: { OriginAccessIdentity: "" },
          }),
        ],
      }),
    });
    stages.dev.template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: "s3",
        SigningBehavior: "always",
      }),
    });
    // The only principal allowed to read the site is CloudFront, for this distribution.
    const sitePolicy = Object.values(resourcesOf(stages.dev.template, "AWS::S3::BucketPolicy")).find(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: siteId }),
    );
    const allows = (
      must(sitePolicy, "site bucket policy").Properties.PolicyDocument as {
        Statement: { Effect: string; Principal: unknown }[];
      }
    ).Statement.filter((st) => st.Effect === "Allow");
    expect(allows.length).toBeGreaterThan(0);
    for (const st of allows) {
      expect(st.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
      expect(JSON.stringify(st)).toContain(stages.dev.logicalId(stages.dev.stack.distribution));
    }
  });

  it("sends a content security policy that forbids framing and allows calls to the API only", () => {
    // Prepare
    const distribution = Object.values(resourcesOf(stages.dev.template, "AWS::CloudFront::Distribution"))[0];
    const policyRef = JSON.stringify(
      (must(distribution, "distribution").Properties.DistributionConfig as { DefaultCacheBehavior: object })
        .DefaultCacheBehavior,
    );
    const [policyId, policy] = must(
      Object.entries(resourcesOf(stages.dev.template, "AWS::CloudFront::ResponseHeadersPolicy"))[0],
      "response headers policy",
    );

    // Act
    type Headers = Record<string, Record<string, unknown>> & {
      ContentSecurityPolicy: { ContentSecurityPolicy: unknown };
    };
    const headers = (policy.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Headers })
      .SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);

    // Assess
    expect(policyRef).toContain(policyId);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/connect-src 'self' /);
    expect(csp).toContain(".execute-api.");
    // The hosted UI's token endpoint, which the dashboard calls to exchange a sign-in code.
    expect(csp).toContain(".amazoncognito.com");
    expect(headers.FrameOptions).toMatchObject({ FrameOption: "DENY", Override: true });
    expect(headers.ContentTypeOptions).toMatchObject({ Override: true });
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      Override: true,
    });
    expect(headers.ReferrerPolicy).toMatchObject({ ReferrerPolicy: "no-referrer", Override: true });
  });

  it("deploys the built dashboard and its config to the site bucket", () => {
    stages.dev.template.hasResourceProperties("Custom::CDKBucketDeployment", {
      DestinationBucketName: { Ref: stages.dev.logicalId(stages.dev.stack.siteBucket) },
      DistributionPaths: ["/*"],
      // The files built from web/ (an asset; bundling.test.ts opens it) and the generated config.json.
      SourceObjectKeys: [Match.stringLikeRegexp("\\.zip$"), Match.anyValue()],
    });
  });

  it("caches the hashed files for a year and revalidates index.html, both with the security headers", () => {
    // Prepare
    const distribution = must(
      Object.values(resourcesOf(stages.dev.template, "AWS::CloudFront::Distribution"))[0],
      "distribution",
    );
    const config = distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: { ResponseHeadersPolicyId: { Ref: string } };
      CacheBehaviors: { PathPattern: string; ResponseHeadersPolicyId: { Ref: string } }[];
    };
    const policies = resourcesOf(stages.dev.template, "AWS::CloudFront::ResponseHeadersPolicy");
    const headersOf = (id: string) => {
      const c = must(policies[id], id).Properties.ResponseHeadersPolicyConfig as {
        CustomHeadersConfig: { Items: { Header: string; Value: string; Override: boolean }[] };
        SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } };
      };
      return {
        cache: c.CustomHeadersConfig.Items.find((h) => h.Header === "Cache-Control"),
        csp: JSON.stringify(c.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy),
      };
    };

    // Act
    const assets = config.CacheBehaviors.find((b) => b.PathPattern === "/assets/*");
    const index = headersOf(config.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref);
    const hashed = headersOf(must(assets, "/assets/* behaviour").ResponseHeadersPolicyId.Ref);

    // Assess
    expect(config.CacheBehaviors).toHaveLength(1);
    expect(index.cache).toEqual({ Header: "Cache-Control", Value: "no-cache", Override: true });
    expect(hashed.cache).toEqual({
      Header: "Cache-Control",
      Value: "public, max-age=31536000, immutable",
      Override: true,
    });
    expect(hashed.csp).toBe(index.csp);
    expect(index.csp).not.toContain("script-src");
  });

  it("writes the API, the user pool, its client and hosted UI into config.json, once the API stage exists", () => {
    // Prepare
    const deployment = Object.values(resourcesOf(stages.dev.template, "Custom::CDKBucketDeployment"))[0];

    // Act
    const markers = JSON.stringify(must(deployment, "bucket deployment").Properties.SourceMarkers);

    // Assess
    for (const construct of [
      stages.dev.stack.api,
      stages.dev.stack.userPool,
      stages.dev.stack.userPoolClient,
      stages.dev.stack.userPoolDomain,
    ]) {
      expect(markers).toContain(JSON.stringify({ Ref: stages.dev.logicalId(construct) }));
    }
    expect(markers).toContain(
      JSON.stringify({ "Fn::GetAtt": [stages.dev.logicalId(stages.dev.stack.distribution), "DomainName"] }),
    );
    expect(deployment?.DependsOn).toContain(stages.dev.logicalId(stages.dev.stack.apiStage));
  });
});
