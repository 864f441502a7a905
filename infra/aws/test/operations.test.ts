import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { endpointAlarms } from "@/lib/deployments/alarm-definitions";
import { defaultConfig } from "../config";
import { synthApp } from "./synth";
import { asList, resourcesOf } from "./template-helpers";

let service: Template;
const config = defaultConfig();

beforeAll(() => {
  service = Template.fromStack(synthApp().service);
}, 120_000);

describe("rollback alarms", () => {
  it.each(config.tenants)(
    "$tenantId: the alarms are lib/deployments' definitions, acting on the tenant's encrypted, TLS-only topic",
    (tenant) => {
      const expected = endpointAlarms({
        tenantId: tenant.tenantId,
        endpointName: tenant.endpointName,
        rollbackTopicArn: "TOPIC",
        latencySloMs: tenant.latencySloMs,
      });
      const alarms = resourcesOf(service, "AWS::CloudWatch::Alarm").filter(([, a]) =>
        String(a.Properties?.AlarmName).includes(`/${tenant.tenantId}/`),
      );
      expect(alarms.map(([, a]) => a.Properties?.AlarmName).sort()).toEqual(expected.map((a) => a.AlarmName).sort());
      const topics = new Set<string>();
      for (const definition of expected) {
        const [, alarm] = alarms.find(([, a]) => a.Properties?.AlarmName === definition.AlarmName)!;
        const { AlarmActions, Tags: _appTags, ...props } = alarm.Properties!;
        const { AlarmActions: _topic, ...want } = definition;
        expect(props).toEqual(JSON.parse(JSON.stringify(want)) as unknown);
        const actions = asList(AlarmActions as Array<{ Ref: string }>);
        expect(actions).toHaveLength(1);
        topics.add(actions[0]!.Ref);
      }
      expect(topics.size).toBe(1);
      const [topicId] = [...topics];
      const topic = (service.toJSON() as { Resources: Record<string, unknown> }).Resources[topicId!] as {
        Type: string;
        Properties: { KmsMasterKeyId?: unknown };
      };
      expect(topic.Type).toBe("AWS::SNS::Topic");
      expect(topic.Properties.KmsMasterKeyId).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^OpsKey/), "Arn"] });
      const policies = resourcesOf(service, "AWS::SNS::TopicPolicy").filter(([, p]) =>
        JSON.stringify(p.Properties?.Topics).includes(topicId!),
      );
      expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
    },
  );
});

describe("cost", () => {
  it("has an AWS Budgets alarm on the account's daily cost", () => {
    service.hasResourceProperties("AWS::Budgets::Budget", {
      Budget: {
        BudgetType: "COST",
        TimeUnit: "DAILY",
        BudgetLimit: { Amount: config.dailyBudgetUsd, Unit: "USD" },
        BudgetName: "CostBudget-daily-cost",
      },
    });
  });
});
