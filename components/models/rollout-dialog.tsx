"use client";

import { useState, type ReactNode } from "react";
import { Modal } from "@/components/ui/modal";
import { Button, Field, TextInput } from "@/components/settings/controls";
import { isApiError } from "@/lib/queries/api-error";

export type RolloutStep = { kind: "shadow" } | { kind: "canary" } | { kind: "promote"; variant: string } | { kind: "backtest" };

export interface RolloutRequest {
  reason: string;
  /** Canary percent, or the backtest's number of days. */
  amount: number;
}

const COPY: Record<RolloutStep["kind"], { title: (v: number) => string; confirm: (v: number) => string; busy: string }> = {
  shadow: { title: (v) => `Deploy v${v} as a shadow?`, confirm: (v) => `Deploy v${v} as shadow`, busy: "Deploying…" },
  canary: { title: (v) => `Deploy v${v} as a canary?`, confirm: (v) => `Deploy v${v} as canary`, busy: "Deploying…" },
  promote: { title: (v) => `Promote v${v} to 100%?`, confirm: (v) => `Promote v${v}`, busy: "Promoting…" },
  backtest: { title: (v) => `Backtest v${v}?`, confirm: (v) => `Start backtest of v${v}`, busy: "Starting…" },
};

/**
 * Confirms one promotion step with what it will do, the canary's weight or the backtest's days, and
 * a reason recorded with the deployment; a refusal from the server (its code and reason) stays in
 * the dialog.
 */
export function RolloutDialog(props: {
  version: number;
  step: RolloutStep;
  explanation: ReactNode;
  isPending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (request: RolloutRequest) => void;
}) {
  const { version, step, isPending, error } = props;
  const [reason, setReason] = useState("");
  const [amount, setAmount] = useState(step.kind === "backtest" ? 7 : 10);
  const copy = COPY[step.kind];
  const needsReason = step.kind === "promote";
  const amountField =
    step.kind === "canary"
      ? { label: "Canary weight (% of live traffic, 1–50)", min: 1, max: 50 }
      : step.kind === "backtest"
        ? { label: "Replay the last N days (1–31)", min: 1, max: 31 }
        : null;
  const amountOk = !amountField || (Number.isInteger(amount) && amount >= amountField.min && amount <= amountField.max);
  const canSubmit = amountOk && (!needsReason || reason.trim().length > 0) && !isPending;
  return (
    <Modal title={copy.title(version)} onClose={props.onCancel} isBusy={isPending}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) props.onConfirm({ reason: reason.trim(), amount });
        }}
      >
        <div className="mt-1 text-[13px] text-muted">{props.explanation}</div>
        <div className="mt-4 space-y-3">
          {amountField && (
            <Field id="rollout-amount" label={amountField.label}>
              <TextInput
                id="rollout-amount"
                type="number"
                min={amountField.min}
                max={amountField.max}
                step={1}
                value={Number.isFinite(amount) ? amount : ""}
                onChange={(e) => setAmount(e.target.valueAsNumber)}
                isInvalid={!amountOk}
              />
            </Field>
          )}
          {step.kind !== "backtest" && (
            <Field
              id="rollout-reason"
              label={needsReason ? "Reason (required, recorded with the deployment)" : "Reason (optional, recorded with the deployment)"}
            >
              <TextInput id="rollout-reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          )}
        </div>
        {error && (
          <p role="alert" className="mt-3 text-[12px] text-danger">
            Refused: {error.message}
            {isApiError(error) && <span className="ml-1 font-mono text-[11px]">({error.code})</span>}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button type="button" onClick={props.onCancel} disabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" tone="primary" disabled={!canSubmit}>
            {isPending ? copy.busy : copy.confirm(version)}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
