import type { PromotionGuardrailSettings } from "@/lib/promotion/guardrails";
import type { ApprovalGates, Slo } from "@/lib/settings/tenant-settings";
import { Field, TextInput } from "./controls";
import type { FieldErrors } from "./field-errors";
import { FormSection } from "./section";
import { num } from "./thresholds-fields";

interface NumberField {
  id: string;
  label: string;
  hint: string;
  path: string;
  value: number;
  min: number;
  max: number;
  step: number;
  set: (value: number) => void;
}

/** Approval gates (lib/promotion/gates.ts) and the scoring SLO behind the error budget (lib/error-budget). */
export function PromotionGatesFields({
  gates,
  slo,
  guardrails,
  errors,
  onChange,
}: {
  gates: ApprovalGates;
  slo: Slo;
  guardrails: PromotionGuardrailSettings;
  errors: FieldErrors;
  onChange: (patch: { approvalGates?: ApprovalGates; slo?: Slo; promotionGuardrails?: PromotionGuardrailSettings }) => void;
}) {
  const fields: NumberField[] = [
    {
      id: "gate-min-roc-auc",
      label: "Minimum ROC-AUC",
      hint: "0 – 1; the seeds' gate is 0.7",
      path: "approvalGates.minRocAuc",
      value: gates.minRocAuc,
      min: 0,
      max: 1,
      step: 0.01,
      set: (minRocAuc) => onChange({ approvalGates: { ...gates, minRocAuc } }),
    },
    {
      id: "gate-pr-auc-drop",
      label: "PR-AUC behind production, at most",
      hint: "on the candidate's test split",
      path: "approvalGates.maxPrAucDrop",
      value: gates.maxPrAucDrop,
      min: 0,
      max: 1,
      step: 0.005,
      set: (maxPrAucDrop) => onChange({ approvalGates: { ...gates, maxPrAucDrop } }),
    },
    {
      id: "gate-recall-drop",
      label: "Recall @ 80% precision behind, at most",
      hint: "on the candidate's test split",
      path: "approvalGates.maxRecallAt80PrecisionDrop",
      value: gates.maxRecallAt80PrecisionDrop,
      min: 0,
      max: 1,
      step: 0.005,
      set: (maxRecallAt80PrecisionDrop) => onChange({ approvalGates: { ...gates, maxRecallAt80PrecisionDrop } }),
    },
    {
      id: "slo-availability",
      label: "SLO: requests answered well (%)",
      hint: "90 – 99.999; not an error, not degraded",
      path: "slo.availabilityTarget",
      value: Number((slo.availabilityTarget * 100).toFixed(3)),
      min: 90,
      max: 99.999,
      step: 0.001,
      set: (percent) => onChange({ slo: { ...slo, availabilityTarget: Number((percent / 100).toFixed(6)) } }),
    },
    {
      id: "slo-latency",
      label: "SLO: p95 latency (ms)",
      hint: "1 – 60,000",
      path: "slo.latencyP95Ms",
      value: slo.latencyP95Ms,
      min: 1,
      max: 60_000,
      step: 1,
      set: (latencyP95Ms) => onChange({ slo: { ...slo, latencyP95Ms } }),
    },
    // Promotion of a canary to 100% (lib/promotion/guardrails.ts), over the canary's last hour.
    {
      id: "guard-min-requests",
      label: "Promotion: canary requests, at least",
      hint: "served in the last hour",
      path: "promotionGuardrails.minCanaryRequests",
      value: guardrails.minCanaryRequests,
      min: 1,
      max: 1_000_000,
      step: 1,
      set: (minCanaryRequests) => onChange({ promotionGuardrails: { ...guardrails, minCanaryRequests } }),
    },
    {
      id: "guard-5xx-excess",
      label: "Promotion: canary 5xx above production, at most (points)",
      hint: "percentage points",
      path: "promotionGuardrails.max5xxRateExcess",
      value: Number((guardrails.max5xxRateExcess * 100).toFixed(3)),
      min: 0,
      max: 100,
      step: 0.1,
      set: (points) => onChange({ promotionGuardrails: { ...guardrails, max5xxRateExcess: Number((points / 100).toFixed(6)) } }),
    },
    {
      id: "guard-p95-ratio",
      label: "Promotion: canary p95 ÷ production's, at most",
      hint: "plus the slack below",
      path: "promotionGuardrails.maxP95LatencyRatio",
      value: guardrails.maxP95LatencyRatio,
      min: 1,
      max: 100,
      step: 0.05,
      set: (maxP95LatencyRatio) => onChange({ promotionGuardrails: { ...guardrails, maxP95LatencyRatio } }),
    },
    {
      id: "guard-p95-slack",
      label: "Promotion: p95 slack (ms)",
      hint: "so two fast variants' noise is no regression",
      path: "promotionGuardrails.p95LatencySlackMs",
      value: guardrails.p95LatencySlackMs,
      min: 0,
      max: 60_000,
      step: 1,
      set: (p95LatencySlackMs) => onChange({ promotionGuardrails: { ...guardrails, p95LatencySlackMs } }),
    },
  ];
  return (
    <FormSection
      id="promotion-heading"
      title="Promotion gates and SLO"
      description="A model version is approved only with at least the minimum ROC-AUC and no further behind production than these tolerances on the same held-out split. A canary is promoted only with enough requests in its last hour and 5xx rate and p95 latency no worse than production's beyond these. The SLO sets the error budget: 30% of it burned within 7 days freezes promotions, 80% rolls the canary back."
    >
      <div className="grid max-w-2xl grid-cols-2 gap-4 md:grid-cols-3">
        {fields.map((f) => (
          <Field key={f.id} id={f.id} label={f.label} hint={f.hint} error={errors[f.path]}>
            <TextInput
              id={f.id}
              type="number"
              min={f.min}
              max={f.max}
              step={f.step}
              value={num(f.value)}
              onChange={(e) => f.set(e.target.valueAsNumber)}
              isInvalid={Boolean(errors[f.path])}
            />
          </Field>
        ))}
      </div>
    </FormSection>
  );
}
