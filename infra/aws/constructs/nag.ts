import { Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * Acknowledges a cdk-nag finding on one construct (cdk-nag 3: CDK's own Validations API). Every
 * call carries a reason written for the reviewer of the template; `id` may name one finding,
 * e.g. `AwsSolutions-IAM5[Resource::*]`, since v3 acknowledges findings one by one.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`cdk-nag acknowledgement ${id} needs a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}
