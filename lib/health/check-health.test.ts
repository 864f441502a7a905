import { describe, expect, it } from "vitest";
import { checkHealth } from "./check-health";

const up = () => Promise.resolve();
const refused = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4566"), { code: "ECONNREFUSED" }));
const neverAnswers = (signal: AbortSignal) =>
  new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));

describe("checkHealth", () => {
  it("is ok when every check succeeds, with a latency per check", async () => {
    const report = await checkHealth({ dynamodb: up, s3: up });
    expect(report.status).toBe("ok");
    expect(report.checks.dynamodb).toEqual({ ok: true, latencyMs: expect.any(Number) as number });
    expect(Object.keys(report.checks)).toEqual(["dynamodb", "s3"]);
  });

  it("is degraded when one check fails, naming the failure without its message", async () => {
    const report = await checkHealth({ dynamodb: up, sagemaker: refused });
    expect(report.status).toBe("degraded");
    expect(report.checks.sagemaker).toMatchObject({ ok: false, error: "ECONNREFUSED" });
    expect(JSON.stringify(report)).not.toContain("127.0.0.1");
  });

  it("gives up on a check that does not answer within the timeout and aborts it", async () => {
    let aborted = false;
    const report = await checkHealth(
      {
        cloudwatch: (signal) => {
          signal.addEventListener("abort", () => (aborted = true));
          return neverAnswers(signal);
        },
      },
      { timeoutMs: 20 },
    );
    expect(report.checks.cloudwatch).toMatchObject({ ok: false, error: "timeout" });
    expect(aborted).toBe(true);
  });

  it("reports an SDK error by its name only", async () => {
    const notFound = Object.assign(new Error("Requested resource not found: Table: prod-secret-table not found"), {
      name: "ResourceNotFoundException",
    });
    const report = await checkHealth({ dynamodb: () => Promise.reject(notFound) });
    expect(report.checks.dynamodb).toMatchObject({ ok: false, error: "ResourceNotFoundException" });
  });
});
