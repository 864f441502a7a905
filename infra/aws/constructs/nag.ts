import { type CfnElement, Stack, Validations } from "aws-cdk-lib";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as sfn from "aws-cdk-lib/aws-stepfunctions";
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

/**
 * The findings every state machine of ours carries on its role: invoking its step Lambdas by
 * qualified ARN (CDK's grant for LambdaInvoke), and X-Ray and log delivery, which authorise on "*" only.
 */
export function acknowledgeStepFunctionsRole(stateMachine: sfn.StateMachine, functions: readonly lambda.IFunction[]): void {
  const stack = Stack.of(stateMachine);
  for (const fn of functions) {
    acknowledge(
      stateMachine.role,
      `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      "Step Functions may invoke the step Lambda by qualified ARN (<function>:<version or alias>), CDK's grant for LambdaInvoke; it is this one function.",
    );
  }
  acknowledge(
    stateMachine.role,
    "AwsSolutions-IAM5[Resource::*]",
    'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs delivery (logs:*LogDelivery*, DescribeResourcePolicies, DescribeLogGroups) authorise on "*" only.',
  );
}
