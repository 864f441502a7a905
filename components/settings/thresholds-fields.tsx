import type { ChangeEvent } from "react";
import type { TenantSettings } from "@/lib/settings/tenant-settings";
import { Field, TextInput } from "./controls";
import type { FieldErrors } from "./field-errors";
import { FormSection } from "./section";

type Thresholds = TenantSettings["thresholds"];

export function ThresholdsFields({
  value,
  errors,
  onChange,
}: {
  value: Thresholds;
  errors: FieldErrors;
  onChange: (next: Thresholds) => void;
}) {
  const set = (name: keyof Thresholds) => (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [name]: e.target.valueAsNumber });
  return (
    <FormSection
      id="thresholds-heading"
      title="Decision thresholds"
      description="The model's fraud probability at or above which a transaction is stepped up (REVIEW) or declined (SUSPICIOUS)."
    >
      <div className="grid max-w-md grid-cols-2 gap-4">
        <Field id="threshold-review" label="Review at" hint="0 – 1" error={errors["thresholds.review"] ?? errors.thresholds}>
          <TextInput
            id="threshold-review"
            type="number"
            inputMode="decimal"
            step="0.01"
            min={0}
            max={1}
            value={num(value.review)}
            onChange={set("review")}
            isInvalid={Boolean(errors["thresholds.review"])}
          />
        </Field>
        <Field
          id="threshold-suspicious"
          label="Suspicious at"
          hint="0 – 1, at least the review threshold"
          error={errors["thresholds.suspicious"]}
        >
          <TextInput
            id="threshold-suspicious"
            type="number"
            inputMode="decimal"
            step="0.01"
            min={0}
            max={1}
            value={num(value.suspicious)}
            onChange={set("suspicious")}
            isInvalid={Boolean(errors["thresholds.suspicious"])}
          />
        </Field>
      </div>
      <ThresholdScale review={value.review} suspicious={value.suspicious} />
    </FormSection>
  );
}

/** Shows the three bands the thresholds cut the score range into. */
function ThresholdScale({ review, suspicious }: { review: number; suspicious: number }) {
  const clamp = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
  const r = clamp(review);
  const s = Math.max(r, clamp(suspicious));
  const bands = [
    { label: "LEGIT", width: r, className: "bg-success" },
    { label: "REVIEW", width: s - r, className: "bg-warning" },
    { label: "SUSPICIOUS", width: 1 - s, className: "bg-danger" },
  ];
  const text = `Scores below ${r} are LEGIT, from ${r} REVIEW, from ${s} SUSPICIOUS`;
  return (
    <div className="mt-4 max-w-md">
      <div className="flex h-2 overflow-hidden rounded-full bg-surface-muted" role="img" aria-label={text}>
        {bands.map((b) => (
          <div key={b.label} className={b.className} style={{ width: `${b.width * 100}%` }} />
        ))}
      </div>
      <div className="mt-1.5 flex justify-between text-[11px] text-subtle">
        {bands.map((b) => (
          <span key={b.label}>{b.label}</span>
        ))}
      </div>
    </div>
  );
}

/** A NaN (emptied input) shows as empty rather than "NaN". */
export function num(value: number): number | "" {
  return Number.isFinite(value) ? value : "";
}
