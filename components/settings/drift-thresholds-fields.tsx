import type { DriftThresholds } from "@/lib/drift/drift-thresholds";
import { Field, TextInput } from "./controls";
import type { FieldErrors } from "./field-errors";
import { FormSection } from "./section";
import { num } from "./thresholds-fields";

type Key = keyof DriftThresholds;

/** Each field: label, hint, step and whether it is shown as a percentage of 1. */
const FIELDS: ReadonlyArray<{ key: Key; label: string; hint: string; step: number; isPercent?: boolean }> = [
  { key: "psiWarn", label: "PSI warning at", hint: "population stability index", step: 0.01 },
  { key: "psiAlert", label: "PSI alert at", hint: "at least the warning level", step: 0.01 },
  { key: "wasserstein", label: "Wasserstein at", hint: "W1 / baseline std, numeric", step: 0.01 },
  { key: "jensenShannon", label: "Jensen–Shannon at", hint: "distance 0 – 1, categorical", step: 0.01 },
  { key: "meanShift", label: "Mean shift at (%)", hint: "vs the training mean", step: 1, isPercent: true },
  { key: "unseenShare", label: "Unseen categories at (%)", hint: "share never seen in training", step: 0.1, isPercent: true },
  { key: "minSample", label: "Minimum sample", hint: "records per feature to judge it", step: 1 },
  { key: "retrainWeight", label: "Recommend retraining at (%)", hint: "of the model's |SHAP| drifting", step: 1, isPercent: true },
];

/** Percentages are edited as 30 and stored as 0.3, rounded so 0.1 × 100 shows as 10. */
const toShown = (value: number, isPercent?: boolean) => (isPercent ? Math.round(value * 100 * 1e6) / 1e6 : value);
const fromShown = (value: number, isPercent?: boolean) => (isPercent ? value / 100 : value);

export function DriftThresholdsFields({
  value,
  errors,
  onChange,
}: {
  value: DriftThresholds;
  errors: FieldErrors;
  onChange: (next: DriftThresholds) => void;
}) {
  return (
    <FormSection
      id="drift-heading"
      title="Drift thresholds"
      description="When a feature's drift against the training baseline warns or alerts (two signals agreeing, or PSI past its alert level), and how much of the production model's importance must drift before retraining is recommended. No p-value decides: on large windows every p is tiny."
    >
      <div className="grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-4">
        {FIELDS.map((f) => {
          const id = `drift-${f.key}`;
          const error = errors[`drift.${f.key}`];
          return (
            <Field key={f.key} id={id} label={f.label} hint={f.hint} error={error}>
              <TextInput
                id={id}
                type="number"
                inputMode="decimal"
                min={0}
                step={f.step}
                value={num(toShown(value[f.key], f.isPercent))}
                onChange={(e) => onChange({ ...value, [f.key]: fromShown(e.target.valueAsNumber, f.isPercent) })}
                isInvalid={Boolean(error)}
              />
            </Field>
          );
        })}
      </div>
    </FormSection>
  );
}
