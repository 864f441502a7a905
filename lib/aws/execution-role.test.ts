import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("SAGEMAKER_EXECUTION_ROLE_ARNS", () => {
  it("parses a tenant → role ARN object", () => {
    const env = parseEnv({ SAGEMAKER_EXECUTION_ROLE_ARNS: '{"acme-bank":"arn:aws:iam::123456789012:role/acme"}' });
    expect(env.SAGEMAKER_EXECUTION_ROLE_ARNS).toEqual({ "acme-bank": "arn:aws:iam::123456789012:role/acme" });
  });

  it.each(["not json", '{"acme-bank":"role/acme"}', '["arn:aws:iam::1:role/x"]'])("refuses %s, naming the variable", (text) => {
    expect(() => parseEnv({ SAGEMAKER_EXECUTION_ROLE_ARNS: text })).toThrow(/SAGEMAKER_EXECUTION_ROLE_ARNS/);
  });

  it("is optional", () => {
    expect(parseEnv({}).SAGEMAKER_EXECUTION_ROLE_ARNS).toBeUndefined();
  });
});
