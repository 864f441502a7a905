import { describe, expect, it } from "vitest";
import { isDynamoMissing, isS3Missing, isSageMakerMissing } from "./missing";

const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe("isSageMakerMissing", () => {
  // Messages as SageMaker returns them, e.g. aws/amazon-sagemaker-examples#2402 (DeleteEndpoint:
  // 'Could not find endpoint "arn:…"') and #2339 (DescribeEndpointConfig: 'Could not find endpoint
  // configuration "arn:…"').
  it.each([
    ["ValidationException", 'Could not find endpoint "arn:aws:sagemaker:us-west-2:521695447989:endpoint/ipinsights-2021-05-11".'],
    ["ValidationException", 'Could not find endpoint configuration "arn:aws:sagemaker:us-west-2:521695447989:endpoint-config/demo".'],
    ["ValidationException", 'Could not find model "arn:aws:sagemaker:us-east-1:000000000000:model/acme-bank-v2".'],
    ["ValidationException", "ModelPackageGroup fraud-acme-bank does not exist."],
    ["ResourceNotFound", "Resource not found."],
  ])("%s %s means missing", (name, message) => {
    expect(isSageMakerMissing(awsError(name, message))).toBe(true);
  });

  it.each([
    ["ValidationException", 'Cannot create already existing endpoint "arn:aws:sagemaker:eu-west-2:1:endpoint/x".'],
    ["ValidationException", "1 validation error detected: Value 'bad name!' at 'endpointName' failed to satisfy constraint"],
    ["ValidationException", 'Cannot update in-progress endpoint "arn:aws:sagemaker:us-east-1:1:endpoint/x".'],
    ["ThrottlingException", "Could not find endpoint (sic) but throttled"],
  ])("%s %s is not absence", (name, message) => {
    expect(isSageMakerMissing(awsError(name, message))).toBe(false);
  });
});

describe("isDynamoMissing / isS3Missing", () => {
  it("recognise each service's own not-found names only", () => {
    expect(isDynamoMissing(awsError("ResourceNotFoundException", "Requested resource not found: Table: x not found"))).toBe(true);
    expect(isDynamoMissing(awsError("ValidationException", "One or more parameter values were invalid"))).toBe(false);
    expect(isS3Missing(awsError("NoSuchKey", "The specified key does not exist."))).toBe(true);
    expect(isS3Missing(awsError("NotFound", "UnknownError"))).toBe(true);
    expect(isS3Missing(awsError("AccessDenied", "Access Denied"))).toBe(false);
  });
});
