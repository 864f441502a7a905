"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Field, TextInput } from "@/components/settings/controls";
import { Modal } from "@/components/ui/modal";
import { trainingPreviewQueryOptions } from "@/lib/queries/training";
import type { TrainingParameters } from "@/lib/training/training-job";

const DAY = 86_400_000;
const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const n = (value: number) => value.toLocaleString("en-US");

/** The window as the API takes it: from the start of the first day to the end of the last. */
function windowOf(fromDate: string, toDate: string) {
  return { from: `${fromDate}T00:00:00.000Z`, to: `${toDate}T23:59:59.999Z` };
}

function Parameters({ p }: { p: TrainingParameters }) {
  const rows: Array<[string, string]> = [
    ["Production version", `v${p.production.version} (${n(p.production.rows)} training rows, ${n(p.production.frauds)} frauds)`],
    [
      "Analyst labels in the window",
      `${n(p.labels.verified)} verified: ${n(p.labels.frauds)} fraud and ${n(p.labels.legit)} legitimate used, ${n(p.labels.immature)} not yet matured, ${n(p.labels.alreadyTrained)} already in production's data`,
    ],
    ["Rows", `train ${n(p.rows.train)} · validation ${n(p.rows.validation)} · test ${n(p.rows.test)} (out of time)`],
    [
      "Test split",
      p.testWindow ? `${p.testWindow.from.slice(0, 16).replace("T", " ")} – ${p.testWindow.to.slice(0, 16).replace("T", " ")} UTC` : "—",
    ],
    [
      `Hyper-parameters (${p.hyperparametersFrom === "production" ? "production's" : "overridden"})`,
      Object.entries(p.hyperparameters)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
    ],
    ["Label maturity", p.maturity.rule],
  ];
  return (
    <dl className="mt-4 space-y-2 text-[13px]" aria-label="Training parameters">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-[11px] font-medium uppercase tracking-wider text-subtle">{label}</dt>
          <dd className="tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Retrain": the window of verdicts and the number of trees, the parameters the job would start with, then Start. */
export function RetrainDialog(props: {
  isPending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (request: { from: string; to: string; hyperparameters?: { num_round: number } }) => void;
}) {
  const { isPending, error, onCancel, onConfirm } = props;
  const [fromDate, setFromDate] = useState(() => dateOnly(Date.now() - 7 * DAY));
  const [toDate, setToDate] = useState(() => dateOnly(Date.now()));
  const [numRound, setNumRound] = useState("");
  const rounds = /^\d+$/.test(numRound) ? Number(numRound) : null;
  const window = windowOf(fromDate, toDate);
  const preview = useQuery({ ...trainingPreviewQueryOptions(window.from, window.to, rounds), enabled: fromDate <= toDate });
  return (
    <Modal title="Retrain from verified labels" onClose={onCancel} isBusy={isPending}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm({ ...window, ...(rounds ? { hyperparameters: { num_round: rounds } } : {}) });
        }}
      >
        <p className="mt-1 text-[13px] text-muted">
          A SageMaker training job on the production version&apos;s training data plus the analysts&apos; matured verdicts of the window.
          The new version is registered pending approval and compared with production on the same out-of-time split.
        </p>
        <div className="mt-4 grid grid-cols-3 gap-3">
          <Field id="retrain-from" label="Verdicts from">
            <TextInput id="retrain-from" type="date" value={fromDate} onChange={(e) => setFromDate(e.target.value)} />
          </Field>
          <Field id="retrain-to" label="to">
            <TextInput id="retrain-to" type="date" value={toDate} onChange={(e) => setToDate(e.target.value)} />
          </Field>
          <Field id="retrain-rounds" label="Trees (num_round)">
            <TextInput
              id="retrain-rounds"
              inputMode="numeric"
              placeholder={preview.data ? String(preview.data.hyperparameters.num_round) : "production's"}
              value={numRound}
              onChange={(e) => setNumRound(e.target.value.trim())}
            />
          </Field>
        </div>
        {preview.isPending && <p className="mt-4 text-[13px] text-muted">Computing the parameters…</p>}
        {preview.error && (
          <p role="alert" className="mt-4 text-[12px] text-danger">
            {preview.error.message}
          </p>
        )}
        {preview.data && <Parameters p={preview.data} />}
        {preview.data?.problem && (
          <p role="alert" className="mt-3 text-[12px] text-danger">
            This job would fail: {preview.data.problem}
          </p>
        )}
        {error && (
          <p role="alert" className="mt-3 text-[12px] text-danger">
            Not started: {error.message}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button type="button" onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" tone="primary" disabled={isPending || !preview.data}>
            {isPending ? "Starting…" : "Start training"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
