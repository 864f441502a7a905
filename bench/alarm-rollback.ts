/**
 * `npm run bench:alarm-rollback [-- <runs, default 5>]`: the alarm path's breach → rollback finished on a
 * throwaway local stack (the launcher's, `--stack-only`, each service its own process), next to the
 * manual path on the same stack as the baseline.
 *
 * Per run, on a tenant of its own with a 90/10 canary and the 10 s alarms of lib/deployments: the
 * canary is called ~10 times a second, a 5xx fault is injected, and the bench polls DescribeEndpoint
 * until the canary's CurrentWeight is 0 (the traffic has moved). It prints
 *  - fault → rolled back: from the injection; the target is the alarm's evaluation interval
 *    (3 periods × 10 s = 30 s, CloudWatch user guide) + 5 s;
 *  - condition met → rolled back: from the end of the third breaching period (the alarm's newest
 *    evaluated datapoint, StateReasonData) — the evaluator, SNS, the Lambda and the rollback;
 *  - ALARM → rolled back: from the alarm's state change;
 * and, as the baseline, rollback() called directly (the button's path) → traffic moved.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { applyLocalStackEnv, type StackUrls } from "@/infra/local/stack-env";

const runs = Number(process.argv[2] ?? 5);

async function startStack(): Promise<{ stack: StackUrls; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "fraud-console-alarm-bench-"));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "infra/local/start.ts", "--stack-only", "--stack-ports", "auto", "--no-traffic", "--data-dir", dataDir],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  const demoFile = path.join(dataDir, "demo.json");
  const deadline = Date.now() + 600_000;
  while (!existsSync(demoFile)) {
    if (child.exitCode !== null) throw new Error(`the stack exited (${child.exitCode})`);
    if (Date.now() > deadline) {
      // Not left running behind the failed bench.
      child.kill("SIGTERM");
      throw new Error("the stack did not start in 10 minutes");
    }
    await sleep(500);
  }
  const { stack } = JSON.parse(await readFile(demoFile, "utf8")) as { stack: StackUrls };
  return {
    stack,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${(quantile(xs, 0.5) / 1000).toFixed(2)} s, max ${(Math.max(...xs) / 1000).toFixed(2)} s (n=${xs.length})`;

async function main(): Promise<void> {
  const { stack, stop } = await startStack();
  applyLocalStackEnv(stack);
  // Imported after the environment points lib/aws at the stack.
  const { cloudWatchClient, sageMakerClient, sageMakerRuntimeClient } = await import("@/lib/aws/clients");
  const { createTestTenantRecords, deleteTestEndpoint } = await import("@/test/support/test-tenant");
  const { endpointAlarmName } = await import("@/lib/deployments/alarm-definitions");
  const { rollback } = await import("@/lib/deployments/rollback");
  const { FEATURE_NAMES } = await import("@/lib/features/schema");
  const row = FEATURE_NAMES.map(() => "0.5").join(",");

  const canaryWeight = async (endpointName: string) => {
    const d = await sageMakerClient().send(new DescribeEndpointCommand({ EndpointName: endpointName }));
    return d.EndpointStatus === "InService" ? d.ProductionVariants?.find((v) => v.VariantName === "canary")?.CurrentWeight : undefined;
  };
  const untilCanaryZero = async (endpointName: string) => {
    for (;;) {
      if ((await canaryWeight(endpointName)) === 0) return Date.now();
      await sleep(100);
    }
  };

  const faultToDone: number[] = [];
  const conditionToDone: number[] = [];
  const alarmToDone: number[] = [];
  const manual: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const tenant = await createTestTenantRecords({
        label: `alarm-bench-${i}`,
        endpoint: { weights: { production: 90, canary: 10 } },
        alarms: true,
      });
      let running = true;
      const traffic = (async () => {
        while (running) {
          await sageMakerRuntimeClient()
            .send(
              new InvokeEndpointCommand({ EndpointName: tenant.endpointName, TargetVariant: "canary", ContentType: "text/csv", Body: row }),
            )
            .catch(() => undefined);
          await sleep(100);
        }
      })();
      // Healthy traffic first, so the alarm starts from OK as a live canary's does.
      await sleep(15_000);
      const faultAt = Date.now();
      await fetch(`${stack.sagemaker}/_emulator/faults`, {
        method: "POST",
        body: JSON.stringify({ endpointName: tenant.endpointName, variantName: "canary", mode: "error" }),
      });
      const doneAt = await untilCanaryZero(tenant.endpointName);
      running = false;
      await traffic;
      const alarmName = endpointAlarmName(tenant.tenantId, tenant.endpointName, "canary-5xx-rate");
      const alarm = (await cloudWatchClient().send(new DescribeAlarmsCommand({ AlarmNames: [alarmName] }))).MetricAlarms?.[0];
      const reason = JSON.parse(alarm?.StateReasonData ?? "{}") as { evaluatedDatapoints?: Array<{ timestamp: string }> };
      const newest = Date.parse((reason.evaluatedDatapoints?.[0]?.timestamp ?? "").replace("+0000", "Z"));
      faultToDone.push(doneAt - faultAt);
      conditionToDone.push(doneAt - (newest + 10_000));
      alarmToDone.push(doneAt - (alarm?.StateTransitionedTimestamp?.getTime() ?? NaN));
      console.log(
        `run ${i + 1}: fault → rolled back ${((doneAt - faultAt) / 1000).toFixed(2)} s; condition met → rolled back ${((doneAt - newest - 10_000) / 1000).toFixed(2)} s`,
      );
      await fetch(`${stack.sagemaker}/_emulator/faults?endpointName=${tenant.endpointName}`, { method: "DELETE" });

      // Baseline: the button's path on a tenant of its own, same stack.
      const other = await createTestTenantRecords({ label: `manual-bench-${i}`, endpoint: { weights: { production: 90, canary: 10 } } });
      const clicked = Date.now();
      await rollback({ tenantId: other.tenantId, endpointName: other.endpointName, trigger: "manual", actor: "bench", reason: "baseline" });
      manual.push((await untilCanaryZero(other.endpointName)) - clicked);
      await Promise.all([deleteTestEndpoint(tenant.endpointName), deleteTestEndpoint(other.endpointName)]);
    }
    console.log(`\nalarm path, fault → rolled back (target ≤ 35 s: 3 × 10 s evaluation interval + 5 s): ${fmt(faultToDone)}`);
    console.log(`alarm path, condition met (3rd breaching period ended) → rolled back:            ${fmt(conditionToDone)}`);
    console.log(`alarm path, ALARM state change → rolled back:                                    ${fmt(alarmToDone)}`);
    console.log(`baseline, rollback() called directly → traffic moved (same stack):              ${fmt(manual)}`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
