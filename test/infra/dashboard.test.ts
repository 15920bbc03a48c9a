/** The dashboard: private, encrypted, TLS-only buckets behind CloudFront, deployed with its config. */
import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { must, resourcesOf, SYNTH_TIMEOUT_MS, type Synthesized, synthesize } from "./fixture";

let dev: Synthesized;
let prod: Synthesized;
beforeAll(() => {
  dev = synthesize("dev");
  prod = synthesize("prod");
}, SYNTH_TIMEOUT_MS);

describe("dashboard", () => {
  it("keeps every bucket private, encrypted and TLS-only", () => {
    const buckets = resourcesOf(dev.template, "AWS::S3::Bucket");
    const policies = Object.values(resourcesOf(dev.template, "AWS::S3::BucketPolicy"));
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
    ["dev", () => dev, 30],
    ["prod", () => prod, 365],
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
    const siteId = dev.logicalId(dev.stack.siteBucket);
    dev.template.hasResourceProperties("AWS::CloudFront::Distribution", {
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
    dev.template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: "s3",
        SigningBehavior: "always",
      }),
    });
    // The only principal allowed to read the site is CloudFront, for this distribution.
    const sitePolicy = Object.values(resourcesOf(dev.template, "AWS::S3::BucketPolicy")).find(
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
      expect(JSON.stringify(st)).toContain(dev.logicalId(dev.stack.distribution));
    }
  });

  it("deploys the dashboard files and its config to the site bucket", () => {
    dev.template.hasResourceProperties("Custom::CDKBucketDeployment", {
      DestinationBucketName: { Ref: dev.logicalId(dev.stack.siteBucket) },
      DistributionPaths: ["/*"],
    });
  });

  it("writes the API, the user pool and its client into config.json, once the API stage exists", () => {
    // Prepare
    const deployment = Object.values(resourcesOf(dev.template, "Custom::CDKBucketDeployment"))[0];

    // Act
    const markers = JSON.stringify(must(deployment, "bucket deployment").Properties.SourceMarkers);

    // Assess
    for (const construct of [dev.stack.api, dev.stack.userPool, dev.stack.userPoolClient]) {
      expect(markers).toContain(JSON.stringify({ Ref: dev.logicalId(construct) }));
    }
    expect(markers).toContain(
      JSON.stringify({ "Fn::GetAtt": [dev.logicalId(dev.stack.distribution), "DomainName"] }),
    );
    expect(deployment?.DependsOn).toContain(dev.logicalId(dev.stack.apiStage));
  });
});
