import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { awsHealthChecks } from "@/lib/health/aws-checks";
import { cachedHealth } from "@/lib/health/cached-health";
import { checkHealth, type HealthCheck } from "@/lib/health/check-health";

/** The real checks against the throwaway stack, each counting the AWS calls it makes. */
function countedAwsChecks(calls: Map<string, number>): Record<string, HealthCheck> {
  return Object.fromEntries(
    Object.entries(awsHealthChecks()).map(([name, check]) => [
      name,
      (signal: AbortSignal) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return check(signal);
      },
    ]),
  );
}

describe("health checks", () => {
  it("make one call per dependency for every caller within the TTL, and again after it", async () => {
    const calls = new Map<string, number>();
    let clock = 1_000_000;
    const health = cachedHealth(() => checkHealth(countedAwsChecks(calls)), { ttlMs: 5_000, now: () => clock });

    const reports = await Promise.all([health(), health(), health()]);
    clock += 4_000;
    reports.push(await health());
    expect(reports.map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(Object.fromEntries(calls)).toEqual({ dynamodb: 1, s3: 1, sagemaker: 1, cloudwatch: 1 });

    clock += 1_000;
    expect((await health()).status).toBe("ok");
    expect(Object.fromEntries(calls)).toEqual({ dynamodb: 2, s3: 2, sagemaker: 2, cloudwatch: 2 });
  });

  it("answer GET /api/health with every dependency and when they were checked", async () => {
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; checkedAt: string; checks: Record<string, { ok: boolean }> };
    expect(body.status).toBe("ok");
    expect(Object.keys(body.checks).sort()).toEqual(["cloudwatch", "dynamodb", "s3", "sagemaker"]);
    expect(new Date(body.checkedAt).toISOString()).toBe(body.checkedAt);
  });
});
