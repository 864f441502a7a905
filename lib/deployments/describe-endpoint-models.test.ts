import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { describeEndpointModels, MODEL_VERSION_TAG } from "./describe-endpoint-models";

function fakeSageMaker(answers: Record<string, (input: Record<string, unknown>) => unknown>): Pick<SageMakerClient, "send"> {
  const send = (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const answer = answers[command.constructor.name];
    if (!answer) return Promise.reject(new Error(`unexpected ${command.constructor.name}`));
    try {
      return Promise.resolve(answer(command.input));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return { send };
}

const endpoint = { EndpointName: "fraud-acme-bank", EndpointConfigName: "cfg-2" };
const config = {
  ProductionVariants: [
    { VariantName: "production", ModelName: "acme-bank-v2", InstanceType: "ml.m5.large" },
    { VariantName: "canary", ModelName: "acme-bank-v3", InstanceType: "ml.m5.large" },
  ],
};

describe("describeEndpointModels", () => {
  it("walks endpoint → config → model and reads each model's version tag, else its name", async () => {
    const sageMaker = fakeSageMaker({
      DescribeEndpointCommand: () => endpoint,
      DescribeEndpointConfigCommand: (input) => (input.EndpointConfigName === "cfg-2" ? config : {}),
      DescribeModelCommand: (input) => ({ ModelArn: `arn:aws:sagemaker:us-east-1:0:model/${String(input.ModelName)}` }),
      ListTagsCommand: (input) => ({
        Tags: String(input.ResourceArn).endsWith("acme-bank-v2") ? [{ Key: MODEL_VERSION_TAG, Value: "2" }] : [],
      }),
    });
    const { variants } = await describeEndpointModels({ endpointName: "fraud-acme-bank", withVersions: true }, { sageMaker });
    expect([...variants.values()]).toEqual([
      { variantName: "production", modelName: "acme-bank-v2", instanceType: "ml.m5.large", modelVersion: "2" },
      { variantName: "canary", modelName: "acme-bank-v3", instanceType: "ml.m5.large", modelVersion: "acme-bank-v3" },
    ]);
  });

  it("leaves models unknown when the config is gone, and lets a missing endpoint's error through", async () => {
    const gone = (message: string) => () => {
      throw Object.assign(new Error(message), { name: "ValidationException" });
    };
    const withoutConfig = fakeSageMaker({
      DescribeEndpointCommand: () => endpoint,
      DescribeEndpointConfigCommand: gone('Could not find endpoint configuration "arn:aws:sagemaker:us-east-1:0:endpoint-config/cfg-2".'),
    });
    expect((await describeEndpointModels({ endpointName: "fraud-acme-bank" }, { sageMaker: withoutConfig })).variants.size).toBe(0);
    const withoutEndpoint = fakeSageMaker({
      DescribeEndpointCommand: gone('Could not find endpoint "arn:aws:sagemaker:us-east-1:0:endpoint/x".'),
    });
    await expect(describeEndpointModels({ endpointName: "x" }, { sageMaker: withoutEndpoint })).rejects.toMatchObject({
      name: "ValidationException",
    });
  });
});
