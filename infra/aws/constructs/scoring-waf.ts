import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";

/** Set by the distribution's viewer-request function to the viewer's address, overwriting any sent. */
export const VIEWER_ADDRESS_HEADER = "x-viewer-address";

export interface ScoringWafProps {
  /** The load balancer the web ACL guards (REGIONAL scope: the stack can live in any Region). */
  readonly loadBalancerArn: string;
  readonly perAddressPer5Min: number;
  readonly perApiKeyPer5Min: number;
}

/**
 * WAF in front of the console and the public scoring API. Two rate-based rules (5-minute windows):
 * per client address for everything, and per API key (the Authorization header) on /api/score*,
 * where the console's own per-key limit (lib/scoring/rate-limit) stays the precise one and this
 * rule only stops floods before they cost a task. Behind CloudFront the load balancer sees edge
 * addresses, so the address rule counts the header the distribution's function sets from the
 * viewer's address (a client cannot forge it: the function overwrites it). Plus AWS's known-bad-
 * inputs managed group; the common rule set is left out because its 8 KB body rule would refuse
 * batches of up to 1 MB.
 */
export class ScoringWaf extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ScoringWafProps) {
    super(scope, id);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    this.webAcl = new wafv2.CfnWebACL(this, "WebAcl", {
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      visibilityConfig: visibility("fraud-console"),
      rules: [
        {
          name: "rate-per-client-address",
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.perAddressPer5Min,
              aggregateKeyType: "FORWARDED_IP",
              forwardedIpConfig: { headerName: VIEWER_ADDRESS_HEADER, fallbackBehavior: "MATCH" },
            },
          },
          visibilityConfig: visibility("rate-per-client-address"),
        },
        {
          name: "scoring-rate-per-api-key",
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.perApiKeyPer5Min,
              aggregateKeyType: "CUSTOM_KEYS",
              customKeys: [{ header: { name: "authorization", textTransformations: [{ priority: 0, type: "NONE" }] } }],
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: "STARTS_WITH",
                  searchString: "/api/score",
                  textTransformations: [{ priority: 0, type: "NONE" }],
                },
              },
            },
          },
          visibilityConfig: visibility("scoring-rate-per-api-key"),
        },
        {
          name: "aws-known-bad-inputs",
          priority: 2,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesKnownBadInputsRuleSet" } },
          visibilityConfig: visibility("aws-known-bad-inputs"),
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, "Association", { resourceArn: props.loadBalancerArn, webAclArn: this.webAcl.attrArn });
  }
}
