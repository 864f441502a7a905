import * as budgets from "aws-cdk-lib/aws-budgets";
import type * as sns from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";

export interface CostBudgetProps {
  readonly dailyUsd: number;
  readonly topic: sns.ITopic;
  readonly email?: string;
}

/**
 * An AWS Budgets cost budget on the account's daily spend. Daily budgets notify on ACTUAL cost only
 * (forecasts need a month); at 80% and at 100% of the limit, to the alerts topic (and an e-mail).
 */
export class CostBudget extends Construct {
  readonly budget: budgets.CfnBudget;

  constructor(scope: Construct, id: string, props: CostBudgetProps) {
    super(scope, id);
    const subscribers: budgets.CfnBudget.SubscriberProperty[] = [{ subscriptionType: "SNS", address: props.topic.topicArn }];
    if (props.email) subscribers.push({ subscriptionType: "EMAIL", address: props.email });
    this.budget = new budgets.CfnBudget(this, "Budget", {
      budget: {
        budgetName: `${id}-daily-cost`,
        budgetType: "COST",
        timeUnit: "DAILY",
        budgetLimit: { amount: props.dailyUsd, unit: "USD" },
      },
      notificationsWithSubscribers: [80, 100].map((threshold) => ({
        notification: { notificationType: "ACTUAL", comparisonOperator: "GREATER_THAN", threshold, thresholdType: "PERCENTAGE" },
        subscribers,
      })),
    });
  }
}
