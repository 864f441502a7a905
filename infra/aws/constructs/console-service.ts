import path from "node:path";
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { FactName } from "aws-cdk-lib/region-info";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import { Platform } from "aws-cdk-lib/aws-ecr-assets";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import type { AppConfig } from "../config";
import { acknowledge } from "./nag";
import { VIEWER_ADDRESS_HEADER } from "./scoring-waf";
import { ROLE_ATTRIBUTE, TENANT_ATTRIBUTE } from "./user-directory";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const CONSOLE_PORT = 3000;

export interface ConsoleServiceProps {
  readonly config: AppConfig;
  readonly vpc: ec2.IVpc;
  readonly opsKey: kms.IKey;
  readonly userPool: cognito.IUserPool;
  /** The console's settings that are not secret (lib/env.ts): table, buckets, namespace. */
  readonly environment: Record<string, string>;
}

/**
 * The console on ECS Fargate behind an internal Application Load Balancer, reached only through
 * CloudFront (a VPC origin: the load balancer has no public address). Sign-in is OIDC against the
 * Cognito user pool; NEXTAUTH_SECRET and the app client's secret come from Secrets Manager.
 */
export class ConsoleService extends Construct {
  readonly taskRole: iam.Role;
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly distribution: cloudfront.Distribution;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleServiceProps) {
    super(scope, id);
    const { config, vpc } = props;
    const stack = Stack.of(this);

    // Load balancer and CloudFront logs: SSE-S3 and object-writer ACLs, as both log deliveries require.
    const edgeLogs = new s3.Bucket(this, "EdgeLogs", {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    acknowledge(
      edgeLogs,
      "AwsSolutions-S1",
      "This bucket receives the load balancer's and CloudFront's access logs; logging its own access would log the log deliveries.",
    );

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, "LoadBalancer", {
      vpc,
      internetFacing: false,
      dropInvalidHeaderFields: true,
    });
    enableAccessLogs(this.loadBalancer, edgeLogs, "alb");
    // Only CloudFront's VPC-origin interfaces (inside this VPC) reach it.
    this.loadBalancer.connections.allowFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(80), "CloudFront VPC origin");
    acknowledge(
      this.loadBalancer,
      "AwsSolutions-EC23",
      "Ingress is port 80 from the VPC's own CIDR only (CloudFront's VPC-origin interfaces live there); cdk-nag cannot read the CIDR token, so it reports the rule instead of judging it.",
    );

    // The viewer's address in a header of our own, overwritten on every request, for WAF's per-client rule.
    const viewerAddress = new cloudfront.Function(this, "ViewerAddress", {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        `function handler(event) { event.request.headers["${VIEWER_ADDRESS_HEADER}"] = { value: event.viewer.ip }; return event.request; }`,
      ),
    });
    const origin = origins.VpcOrigin.withApplicationLoadBalancer(this.loadBalancer, {
      httpPort: 80,
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
    });
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "Fraud Console",
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        // Host included, so the console sees its public host in the same-origin check.
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
        functionAssociations: [{ function: viewerAddress, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        "/_next/static/*": {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        },
      },
      enableLogging: true,
      logBucket: edgeLogs,
      logFilePrefix: "cloudfront/",
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR1",
      "Tenants are banks and payment companies in several countries; blocking countries is their call per tenant, not a platform default.",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR2",
      "WAF is on the load balancer (REGIONAL web ACL, scoring-waf.ts) so the stack deploys in any Region; CloudFront-scope web ACLs exist only in us-east-1.",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR4",
      "Without a custom domain the distribution uses the default *.cloudfront.net certificate, which CloudFront pins to TLSv1; give a domain and ACM certificate to enforce TLSv1.2_2021.",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR5",
      "The origin is an internal load balancer reached over CloudFront's VPC origin inside the VPC, not over the internet; a custom domain with a certificate on the load balancer would allow HTTPS there too.",
    );

    // Made here, not with userPool.addClient (which would put it in the data stack): its callback URL
    // is this stack's distribution.
    this.userPoolClient = new cognito.UserPoolClient(this, "ConsoleClient", {
      userPool: props.userPool,
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${this.url}/api/auth/callback/oidc`],
        logoutUrls: [`${this.url}/signin`],
      },
      // The ID token carries tenant and role; users may read them, never write them.
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(TENANT_ATTRIBUTE, ROLE_ATTRIBUTE),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
    new cognito.UserPoolDomain(this, "HostedSignIn", {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: `${config.prefix}-${stack.account}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    const nextAuthSecret = new secretsmanager.Secret(this, "NextAuthSecret", {
      description: "NEXTAUTH_SECRET of the Fraud Console (signs session cookies)",
      encryptionKey: props.opsKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const clientSecret = new secretsmanager.Secret(this, "OidcClientSecret", {
      description: "The Cognito app client's secret (OIDC_CLIENT_SECRET)",
      encryptionKey: props.opsKey,
      secretStringValue: this.userPoolClient.userPoolClientSecret,
    });
    // userPoolClientSecret reads the secret with CDK's AwsCustomResource (a singleton Lambda of the stack).
    const describeClient = stack.node.tryFindChild("AWS679f53fac002430cb0da5b7982bd2287");
    if (describeClient) {
      acknowledge(
        describeClient,
        "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        "CDK's AwsCustomResource that reads the Cognito app client's secret at deploy time (DescribeUserPoolClient on this pool only); the managed policy only lets it write its logs.",
      );
    }
    for (const secret of [nextAuthSecret, clientSecret]) {
      acknowledge(
        secret,
        "AwsSolutions-SMG4",
        "Rotating it signs every user out (NEXTAUTH_SECRET) or needs a new Cognito client secret; rotate by hand with a deploy, as the README's runbook says.",
      );
    }

    const cluster = new ecs.Cluster(this, "Cluster", { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    this.taskRole = new iam.Role(this, "TaskRole", {
      assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
      description: "The Fraud Console's tasks: see console-permissions.ts",
    });
    const task = new ecs.FargateTaskDefinition(this, "Task", {
      cpu: config.console.cpu,
      memoryLimitMiB: config.console.memoryMiB,
      taskRole: this.taskRole,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.ONE_MONTH,
      encryptionKey: props.opsKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    task.addContainer("console", {
      image: ecs.ContainerImage.fromAsset(REPO_ROOT, {
        file: "infra/aws/console/Dockerfile",
        platform: Platform.LINUX_AMD64,
        exclude: [
          "node_modules",
          ".next",
          ".data*",
          ".test-data",
          "infra/aws/cdk.out",
          "test-results",
          "playwright-report",
          "coverage",
          ".git",
          "**/__pycache__",
        ],
      }),
      portMappings: [{ containerPort: CONSOLE_PORT }],
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: "console" }),
      environment: {
        ...props.environment,
        AWS_REGION: stack.region,
        AUTH_PROVIDER: "oidc",
        OIDC_ISSUER: `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${props.userPool.userPoolId}`,
        OIDC_CLIENT_ID: this.userPoolClient.userPoolClientId,
        OIDC_TENANT_CLAIM: `custom:${TENANT_ATTRIBUTE}`,
        OIDC_ROLE_CLAIM: `custom:${ROLE_ATTRIBUTE}`,
        NEXTAUTH_URL: this.url,
        // CloudFront and the load balancer each append to X-Forwarded-For.
        TRUSTED_PROXY_HOPS: "2",
      },
      secrets: {
        NEXTAUTH_SECRET: ecs.Secret.fromSecretsManager(nextAuthSecret),
        OIDC_CLIENT_SECRET: ecs.Secret.fromSecretsManager(clientSecret),
      },
      healthCheck: {
        command: [
          "CMD-SHELL",
          `node -e "fetch('http://127.0.0.1:${CONSOLE_PORT}/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"`,
        ],
        interval: Duration.seconds(30),
        startPeriod: Duration.seconds(60),
      },
    });
    if (task.executionRole) {
      acknowledge(
        task.executionRole,
        "AwsSolutions-IAM5[Resource::*]",
        "ECS's task execution role: ecr:GetAuthorizationToken has no resource-level permissions; image pulls are on the asset repository and secret reads on the two secrets.",
      );
    }
    acknowledge(
      task,
      "AwsSolutions-ECS2",
      "The plain environment variables are names (table, buckets, issuer, client id, URL), not secrets; both secrets come from Secrets Manager.",
    );

    this.service = new ecs.FargateService(this, "Service", {
      cluster,
      taskDefinition: task,
      desiredCount: config.console.minTasks,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
    });
    const listener = this.loadBalancer.addListener("Http", { port: 80, open: false });
    listener.addTargets("Console", {
      port: CONSOLE_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service],
      healthCheck: { path: "/api/health", healthyHttpCodes: "200" },
      deregistrationDelay: Duration.seconds(30),
    });
    const scaling = this.service.autoScaleTaskCount({ minCapacity: config.console.minTasks, maxCapacity: config.console.maxTasks });
    scaling.scaleOnCpuUtilization("Cpu", { targetUtilizationPercent: 60 });
  }
}

/**
 * ALB access logs for a Region-agnostic stack (logAccessLogs needs a concrete Region): the
 * attributes by hand, and the bucket policy for the Region's Elastic Load Balancing account,
 * looked up by CloudFormation in CDK's region facts (ELB user guide, "Enable access logs").
 */
function enableAccessLogs(alb: elbv2.ApplicationLoadBalancer, bucket: s3.IBucket, prefix: string): void {
  const stack = Stack.of(alb);
  alb.setAttribute("access_logs.s3.enabled", "true");
  alb.setAttribute("access_logs.s3.bucket", bucket.bucketName);
  alb.setAttribute("access_logs.s3.prefix", prefix);
  const elbAccount = stack.regionalFact(FactName.ELBV2_ACCOUNT);
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.AccountPrincipal(elbAccount)],
      actions: ["s3:PutObject"],
      resources: [bucket.arnForObjects(`${prefix}/AWSLogs/${stack.account}/*`)],
    }),
  );
  alb.node.addDependency(bucket);
}
