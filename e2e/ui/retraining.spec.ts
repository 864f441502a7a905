import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { DemoFile } from "@/infra/local/launcher/demo-file";
import { createTransactionGenerator } from "@/infra/model/simulator/generator";
import type { ModelVersionView } from "@/lib/models/get-models-overview";
import type { TrainingJob } from "@/lib/training/training-job";
import { signInWithApi } from "../support/sign-in";
import { createTestTenant, DEMO_FILE, userOf } from "../support/test-tenant";

// Drift → Retrain → Models on a tenant of its own (a training job is one at a time per tenant and
// adds a version to the registry): its registry is acme-bank's committed versions (production v2),
// v2's training data is the emulator's small fixture (a job trains in seconds) and 60 analyst
// verdicts, one an hour from 90 to 31 hours ago, are matured labels. The drift comes through the
// real scoring path (drifted simulator traffic, POST /api/score/batch) and the real drift job ("Run now").
test.use({ storageState: { cookies: [], origins: [] } });

const DAY_MS = 86_400_000;
const VERDICTS = 60;
const DRIFTED_ROWS = 600;
// The 60 labels' out-of-time split (lib/training/split-labels.ts): the newest 30% (18) are the test
// split; every 7th of the 42 older ones (6) goes to validation, the other 36 to train.
const LABEL_ROWS = { train: 36, validation: 6, test: 18 };

const row = (page: Page, version: number) => page.locator(`tbody#v${version}`);
const fixed = (value: number | null | undefined) => (value == null ? "—" : value.toFixed(3));

async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  await test.info().attach(name, { path: test.info().outputPath(name), contentType: "image/png" });
}

test("from the Drift page's recommendation, Retrain runs a training job and the new version appears on Models beside production", async ({
  page,
}) => {
  test.slow();
  const tenant = await createTestTenant({
    label: "retrain-ui",
    registry: {},
    training: { verdicts: VERDICTS },
    // Nothing is flagged: each scored transaction is one captured row and no explanation call.
    settings: { thresholds: { review: 1, suspicious: 1 }, rules: [], blockLists: { devices: [], countries: [] } },
  });
  const training = tenant.training!;

  // A month into drift (amounts growing, card-present spending moving online, new devices), as the
  // drift integration test scores it: the production model's most important features move.
  const now = new Date();
  const generator = createTransactionGenerator({
    tenant: "acme-bank",
    seed: 77,
    idPrefix: `retrain-${now.getTime()}`,
    populationSeed: 1001,
    driftStart: new Date(now.getTime() - 165 * DAY_MS),
    driftOnset: new Date(now.getTime() - 30 * DAY_MS),
    drift: { amountGrowthPerMonth: 1, ecommerceShiftPerMonth: 0.3, newDeviceShiftPerMonth: 0.2 },
  });
  for (let done = 0; done < DRIFTED_ROWS; done += 200) {
    const transactions = Array.from({ length: 200 }, () => generator.next(now).transaction);
    const scored = await page.request.post("/api/score/batch", {
      headers: { authorization: `Bearer ${tenant.apiKey}` },
      data: { transactions },
    });
    expect(scored.status()).toBe(200);
  }
  // The emulator writes data capture to S3 every few seconds; flush it now rather than wait.
  const sageMakerUrl = (JSON.parse(await readFile(DEMO_FILE, "utf8")) as DemoFile).stack.sagemaker;
  expect((await fetch(`${sageMakerUrl}/_emulator/flush`, { method: "POST" })).ok).toBe(true);

  // Drift: "Run now" runs the drift job over the trailing day of capture, and it recommends retraining.
  expect((await signInWithApi(page.request, userOf(tenant, "ml_engineer"))).ok()).toBe(true);
  await page.goto("/drift");
  await page.getByRole("button", { name: "Run now" }).click();
  const recommendation = page.getByRole("status").filter({ hasText: "Retraining recommended" });
  await expect(recommendation).toBeVisible({ timeout: 30_000 });
  await keepScreenshot(page, "drift-recommendation.png");

  // Retrain: the dialog shows the job's window, rows and hyper-parameters before it starts.
  await recommendation.getByRole("button", { name: "Retrain" }).click();
  const dialog = page.getByRole("dialog", { name: "Retrain from verified labels" });
  const parameters = dialog.getByLabel("Training parameters");
  const { manifest } = training;
  await expect(parameters).toContainText(`v${training.productionVersion} (${manifest.rows} training rows, ${manifest.frauds} frauds)`);
  await expect(parameters).toContainText(
    `${VERDICTS} verified: ${training.frauds} fraud and ${VERDICTS - training.frauds} legitimate used, 0 not yet matured, 0 already in production's data`,
  );
  await expect(parameters).toContainText(
    `train ${manifest.rows + LABEL_ROWS.train} · validation ${manifest.validationRows + LABEL_ROWS.validation} · test ${LABEL_ROWS.test} (out of time)`,
  );
  const hp = manifest.hyperparameters;
  await expect(parameters).toContainText("Hyper-parameters (production's)");
  await expect(parameters).toContainText(`num_round ${hp.num_round}, max_depth ${hp.max_depth}, eta ${hp.eta}`);
  const from = await dialog.getByLabel("Verdicts from").inputValue();
  const to = await dialog.getByLabel("to", { exact: true }).inputValue();
  expect(Date.parse(to) - Date.parse(from)).toBe(7 * DAY_MS);
  await keepScreenshot(page, "retrain-dialog.png");
  await dialog.getByRole("button", { name: "Start training" }).click();

  // Models: the jobs card follows the job until it completes and registers the version.
  await expect(page).toHaveURL(/\/models#training-jobs$/);
  const jobs = page.getByRole("list", { name: "Training jobs" }).getByRole("listitem");
  await expect(jobs).toHaveCount(1);
  await expect(jobs.first().getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });

  const listed = (await (await page.request.get("/api/training-jobs")).json()) as { jobs: TrainingJob[] };
  expect(listed.jobs).toHaveLength(1);
  const response = await page.request.get(`/api/training-jobs/${listed.jobs[0]!.name}`);
  expect(response.status()).toBe(200);
  const job = (await response.json()) as TrainingJob;
  expect(job).toMatchObject({
    status: "Completed",
    failureReason: null,
    parameters: {
      window: { from: `${from}T00:00:00.000Z`, to: `${to}T23:59:59.999Z` },
      production: { version: training.productionVersion },
      rows: { train: manifest.rows + LABEL_ROWS.train, validation: manifest.validationRows + LABEL_ROWS.validation, test: LABEL_ROWS.test },
    },
  });
  const registered = job.registered!;
  await expect(jobs.first()).toContainText(
    `v${registered.version} pending approval · ROC-AUC ${fixed(registered.rocAuc)} · PR-AUC ${fixed(registered.prAuc)}`,
  );

  // The new version's evaluation beside production's on the same out-of-time split, as registered.
  const version = ((await (await page.request.get(`/api/models/${registered.version}`)).json()) as { version: ModelVersionView }).version;
  expect(version.approval.status).toBe("PendingManualApproval");
  const metrics = version.metrics!;
  expect(metrics).toMatchObject({ rocAuc: registered.rocAuc, prAuc: registered.prAuc, evaluatedRows: LABEL_ROWS.test });
  expect(metrics.champion?.version).toBe(training.productionVersion);
  const versionRow = row(page, registered.version);
  await expect(versionRow).toContainText(`vs prod v${training.productionVersion}`);
  await expect(versionRow).toContainText("Pending approval");
  for (const [cell, key] of [
    [1, "rocAuc"],
    [2, "prAuc"],
    [3, "recallAt80Precision"],
  ] as const) {
    const production = metrics.champion?.[key];
    await expect(versionRow.getByRole("cell").nth(cell)).toHaveText(
      `${fixed(metrics[key])}${production == null ? "" : `prod ${fixed(production)}`}`,
    );
  }
  await versionRow.scrollIntoViewIfNeeded();
  await keepScreenshot(page, "models-retrained-version.png");
});
