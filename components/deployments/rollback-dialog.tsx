"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Field, TextInput } from "@/components/settings/controls";
import { postRollback, type EndpointDetail } from "@/lib/queries/endpoints";
import type { RollbackEvent } from "@/lib/queries/rollbacks";
import { Modal } from "@/components/ui/modal";
import type { RollbackPlan } from "./rollback-plan";
import { TrafficDiffTable } from "./traffic-diff-table";

const WHAT: Record<RollbackPlan["kind"], string> = {
  disable_canary: "The canary goes to 0% and production takes all traffic, on the same endpoint config.",
  restore_config: "The previous deployment's endpoint config is restored with UpdateEndpoint.",
  none: "",
};

/**
 * One-click rollback's confirmation: exactly what will change (per variant version and traffic
 * before → after, which endpoint config is restored) and a required reason. The answer is the
 * rollback event, whatever its outcome (succeeded, failed with the AWS error, already rolled back).
 */
export function RollbackDialog({
  endpoint,
  plan,
  onClose,
  onResult,
}: {
  endpoint: EndpointDetail;
  plan: RollbackPlan;
  onClose: () => void;
  onResult: (event: RollbackEvent) => void;
}) {
  const [reason, setReason] = useState("");
  const [showErrors, setShowErrors] = useState(false);
  const reasonError = reason.trim() ? undefined : "Say why (recorded with the rollback)";
  const mutation = useMutation({
    mutationFn: () => postRollback(endpoint.endpointName, { reason: reason.trim() }),
    onSuccess: (event) => onResult(event),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setShowErrors(true);
    if (!reasonError) mutation.mutate();
  }

  return (
    <Modal title={`Roll back ${endpoint.endpointName}?`} onClose={onClose} isBusy={mutation.isPending} wide>
      <form onSubmit={submit} noValidate className="mt-3 space-y-4">
        <p className="text-[13px] text-muted">{WHAT[plan.kind]}</p>
        <div className="overflow-hidden rounded-md border border-line">
          <TrafficDiffTable rows={plan.rows} label="What the rollback changes" />
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[13px]">
          <dt className="text-muted">Endpoint config</dt>
          <dd className="font-mono text-[12px]">
            {plan.kind === "restore_config" ? (
              <>
                {plan.configBefore} → <span className="rounded bg-warning-soft px-1">{plan.configAfter ?? "the previous config"}</span>{" "}
                (restored)
              </>
            ) : (
              <>{plan.configBefore} (kept)</>
            )}
          </dd>
        </dl>
        <Field id="rollback-reason" label="Reason (required, recorded with the rollback)" error={showErrors ? reasonError : undefined}>
          <TextInput
            id="rollback-reason"
            maxLength={500}
            value={reason}
            isInvalid={showErrors && Boolean(reasonError)}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        {mutation.error && (
          <p role="alert" className="text-[12px] text-danger">
            Not rolled back: {mutation.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" tone="danger" disabled={mutation.isPending}>
            {mutation.isPending ? "Rolling back…" : "Roll back now"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
