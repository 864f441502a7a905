import { GetMetricDataCommand, PutMetricDataCommand, ValidationException } from "@aws-sdk/client-cloudwatch";
import {
  CreateEndpointCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteEndpointCommand,
  DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand,
  DescribeEndpointCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  type ModelPackageSortBy,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { cloudWatchClient, sageMakerClient } from "@/lib/aws/clients";
import { createModel, deploy, eventually, failure, variant, waitForStatus, XGBOOST_IMAGE } from "./support";
import { holdTransitions } from "@/infra/local/sagemaker/test-support";

/** The SageMaker control plane and CloudWatch, as their API references describe them. */
const P = "fid-cp";
const sm = () => sageMakerClient();

beforeAll(async () => {
  await createModel(`${P}-tiny`);
});

describe("SageMaker control plane", () => {
  it("answers an unknown endpoint with ValidationException in the JSON 1.1 error shape", async () => {
    const error = await failure(() => sm().send(new DescribeEndpointCommand({ EndpointName: `${P}-ghost` })));
    expect(error.name).toBe("ValidationException");
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toBe(`Could not find endpoint "arn:aws:sagemaker:us-east-1:000000000000:endpoint/${P}-ghost".`);
  });

  it("goes Creating → InService (DescribeEndpoint, EndpointStatus)", async () => {
    const described = await deploy(`${P}-life`, { ProductionVariants: [variant("only", `${P}-tiny`)] });
    expect(described.EndpointStatus).toBe("InService");
  });

  // DeleteEndpoint: the endpoint is Deleting, and its name stays taken until it is gone.
  it("deletes through Deleting, refusing to re-create the name until the endpoint is gone", async () => {
    await holdTransitions(`${P}-life`, true);
    await sm().send(new DeleteEndpointCommand({ EndpointName: `${P}-life` }));
    const deleting = await sm().send(new DescribeEndpointCommand({ EndpointName: `${P}-life` }));
    expect(deleting.EndpointStatus).toBe("Deleting");
    const recreate = () => sm().send(new CreateEndpointCommand({ EndpointName: `${P}-life`, EndpointConfigName: `${P}-life-config` }));
    const refused = await failure(recreate);
    expect(refused.name).toBe("ValidationException");
    expect(refused.message).toContain("Cannot create already existing endpoint");
    await holdTransitions(`${P}-life`, false);
    await eventually(
      () =>
        sm()
          .send(new DescribeEndpointCommand({ EndpointName: `${P}-life` }))
          .then(
            () => undefined,
            () => true,
          ),
      "the endpoint to be gone",
    );
    await recreate();
    expect((await waitForStatus(`${P}-life`, ["InService"])).EndpointStatus).toBe("InService");
  });

  // ModelPackageSortBy: Name | CreationTime.
  it("refuses a ListModelPackages SortBy outside Name | CreationTime with ValidationException", async () => {
    const error = await failure(() => sm().send(new ListModelPackagesCommand({ SortBy: "Size" as ModelPackageSortBy })));
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain("Member must satisfy enum value set: [Name, CreationTime]");
  });

  it("deletes model packages and then their group (DeleteModelPackage, DeleteModelPackageGroup)", async () => {
    const group = `${P}-group`;
    await sm().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }));
    const { ModelPackageArn } = await sm().send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: group,
        InferenceSpecification: {
          Containers: [{ Image: XGBOOST_IMAGE, ModelDataUrl: "s3://fidelity/model.tar.gz" }],
          SupportedContentTypes: ["text/csv"],
          SupportedResponseMIMETypes: ["text/csv"],
        },
      }),
    );
    expect((await failure(() => sm().send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: group })))).name).toBe(
      "ValidationException",
    );
    await sm().send(new DeleteModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    const { ModelPackageSummaryList } = await sm().send(new ListModelPackagesCommand({ ModelPackageGroupName: group }));
    expect(ModelPackageSummaryList).toEqual([]);
    await sm().send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: group }));
    const gone = await failure(() => sm().send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group })));
    expect(gone.name).toBe("ValidationException");
  });
});

describe("CloudWatch (API reference: PutMetricData, GetMetricData, MetricDataQuery; metric math)", () => {
  const NS = "Fidelity/Stats";
  const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 120_000);
  const window = { StartTime: new Date(at.getTime() - 60_000), EndTime: new Date(at.getTime() + 120_000) };
  const stat = (Id: string, MetricName: string, Stat: string, ReturnData = true) => ({
    Id,
    ReturnData,
    MetricStat: { Metric: { Namespace: NS, MetricName }, Period: 60, Stat },
  });

  beforeAll(async () => {
    await cloudWatchClient().send(
      new PutMetricDataCommand({
        Namespace: NS,
        MetricData: [
          // Values/Counts: each value counts Counts times; a StatisticSet counts its own SampleCount.
          { MetricName: "errors", Timestamp: at, Values: [0, 1], Counts: [3, 1] },
          { MetricName: "errors", Timestamp: at, StatisticValues: { SampleCount: 4, Sum: 1, Minimum: 0, Maximum: 1 } },
          { MetricName: "other", Timestamp: at, Value: 5 },
        ],
      }),
    );
  });

  it("aggregates Values/Counts and StatisticValues by their true sample counts", async () => {
    const { MetricDataResults } = await cloudWatchClient().send(
      new GetMetricDataCommand({
        ...window,
        MetricDataQueries: [stat("n", "errors", "SampleCount"), stat("s", "errors", "Sum"), stat("a", "errors", "Average")],
      }),
    );
    expect(Object.fromEntries((MetricDataResults ?? []).map((r) => [r.Id, r.Values]))).toEqual({ n: [8], s: [2], a: [0.25] });
  });

  it("evaluates metric math array literals: SUM([m1, m2])", async () => {
    const { MetricDataResults } = await cloudWatchClient().send(
      new GetMetricDataCommand({
        ...window,
        MetricDataQueries: [
          stat("m1", "errors", "Sum", false),
          stat("m2", "other", "Sum", false),
          { Id: "total", Expression: "SUM([m1, m2])" },
        ],
      }),
    );
    expect(MetricDataResults?.map((r) => [r.Id, r.Values])).toEqual([["total", [7]]]);
  });

  // MetricDataQuery.Id: "The first character must be a lowercase letter"; AWS answers ValidationError.
  it("refuses an invalid query Id with ValidationError", async () => {
    const error = await failure(() =>
      cloudWatchClient().send(new GetMetricDataCommand({ ...window, MetricDataQueries: [stat("Bad-Id", "errors", "Sum")] })),
    );
    // The wire code is ValidationError; the SDK models it as ValidationException (awsQueryError).
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });
});
