"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Field, TextInput } from "@/components/settings/controls";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { isApiError } from "@/lib/queries/api-error";
import { isShadow, putWeights, type EndpointDetail } from "@/lib/queries/endpoints";
import { Modal } from "@/components/ui/modal";
import { VersionLink } from "./variants-table";
import { checkSplit, initialTyped, type SplitRow } from "./weights-form";

/** Who changed the deployment in between, as a 409's details name them (when they do). */
function conflictOf(error: unknown): { by?: string; at?: string } | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const d = (error.details ?? {}) as Record<string, unknown>;
  const str = (...keys: string[]) => keys.map((k) => d[k]).find((v): v is string => typeof v === "string");
  return { by: str("updatedBy", "changedBy", "actor"), at: str("updatedAt", "changedAt", "at") };
}

/**
 * Sets the traffic split: weights per production variant (validated here and by the server), a
 * required reason, then a confirmation that shows the resulting shares and the version each goes to.
 * A concurrent change answers 409: the dialog says who and when and offers to reload.
 */
export function WeightsDialog({
  endpoint,
  onClose,
  onApplied,
  onReload,
}: {
  endpoint: EndpointDetail;
  onClose: () => void;
  onApplied: (weights: Record<string, number>) => void;
  onReload: () => Promise<unknown>;
}) {
  const [typed, setTyped] = useState(() => initialTyped(endpoint.variants));
  const [reason, setReason] = useState("");
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [showErrors, setShowErrors] = useState(false);
  const check = checkSplit(endpoint.variants, typed);
  const reasonError = reason.trim() ? undefined : "Say why (recorded with the change)";
  const mutation = useMutation({
    mutationFn: (weights: Record<string, number>) =>
      putWeights(endpoint.endpointName, { weights, reason: reason.trim(), expectedVersion: endpoint.deployment?.version ?? 0 }),
    onSuccess: (_, weights) => onApplied(weights),
  });
  const conflict = conflictOf(mutation.error);

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShowErrors(true);
    if (check.ok && !reasonError) setStep("confirm");
  }

  async function reload() {
    await onReload();
    mutation.reset();
    setStep("edit");
  }

  return (
    <Modal title={`Set the traffic split of ${endpoint.endpointName}`} onClose={onClose} isBusy={mutation.isPending} wide>
      {step === "edit" ? (
        <form onSubmit={review} noValidate className="mt-4 space-y-4">
          <p className="text-[13px] text-muted">
            Weights are relative: each variant gets its weight over the sum of all weights. Shadow variants take no weight.
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            {endpoint.variants
              .filter((v) => !isShadow(v))
              .map((v) => {
                const id = `weight-${v.variantName}`;
                const error = showErrors && !check.ok ? check.errors[v.variantName] : undefined;
                return (
                  <Field
                    key={v.variantName}
                    id={id}
                    label={`Weight of ${v.variantName}`}
                    error={error}
                    hint={`Now ${formatPercent(v.trafficShare)}`}
                  >
                    <TextInput
                      id={id}
                      inputMode="decimal"
                      value={typed[v.variantName] ?? ""}
                      isInvalid={Boolean(error)}
                      aria-describedby={error ? `${id}-error` : undefined}
                      onChange={(e) => setTyped({ ...typed, [v.variantName]: e.target.value })}
                    />
                  </Field>
                );
              })}
          </div>
          {showErrors && !check.ok && check.errors._form && (
            <p role="alert" className="text-[12px] text-danger">
              {check.errors._form}
            </p>
          )}
          {check.ok && <SplitPreview rows={check.rows} />}
          <Field id="weights-reason" label="Reason (required, recorded in the audit log)" error={showErrors ? reasonError : undefined}>
            <TextInput
              id="weights-reason"
              maxLength={500}
              value={reason}
              isInvalid={showErrors && Boolean(reasonError)}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" tone="primary">
              Review split
            </Button>
          </div>
        </form>
      ) : (
        check.ok && (
          <div className="mt-4 space-y-4">
            <p className="text-[13px] text-muted">
              Traffic moves as soon as SageMaker applies the new weights (the endpoint shows Updating meanwhile).
            </p>
            <SplitPreview rows={check.rows} />
            <p className="text-[13px]">
              <span className="text-muted">Reason:</span> {reason.trim()}
            </p>
            {conflict ? (
              <div role="alert" className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-[13px]">
                <p className="font-semibold text-warning">
                  Someone changed this endpoint&apos;s deployment in the meantime; nothing was applied.
                </p>
                <p className="mt-0.5 text-muted">
                  {conflict.by ? `Changed by ${conflict.by}` : (mutation.error?.message ?? "")}
                  {conflict.at ? ` at ${formatDateTime(conflict.at)}` : ""}. Reload to see the current split and decide again.
                </p>
                <div className="mt-2">
                  <Button onClick={() => void reload()}>Reload</Button>
                </div>
              </div>
            ) : (
              mutation.error && (
                <p role="alert" className="text-[12px] text-danger">
                  Not applied: {mutation.error.message}
                </p>
              )
            )}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setStep("edit")} disabled={mutation.isPending}>
                Back
              </Button>
              <Button tone="primary" onClick={() => mutation.mutate(check.weights)} disabled={mutation.isPending || Boolean(conflict)}>
                {mutation.isPending ? "Applying…" : "Apply split"}
              </Button>
            </div>
          </div>
        )
      )}
    </Modal>
  );
}

function SplitPreview({ rows }: { rows: SplitRow[] }) {
  return (
    <div className="overflow-hidden rounded-md border border-line">
      <table className="w-full text-left text-[13px]" aria-label="Resulting split">
        <TableHead
          columns={["Variant", "Serves", { label: "Now", className: "text-right" }, { label: "After", className: "text-right" }]}
        />
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.variantName}>
              <td className="px-4 py-2 font-medium">{r.variantName}</td>
              <td className="px-4 py-2">
                <VersionLink version={r.modelVersion} />
              </td>
              <td className="tabular px-4 py-2 text-right text-muted">{formatPercent(r.currentShare)}</td>
              <td className="tabular px-4 py-2 text-right font-semibold">{formatPercent(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
