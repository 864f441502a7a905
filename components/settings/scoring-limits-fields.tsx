import type { TenantSettings } from "@/lib/settings/tenant-settings";
import { Field, TextInput } from "./controls";
import type { FieldErrors } from "./field-errors";
import { FormSection } from "./section";
import { num } from "./thresholds-fields";

type Limits = Pick<TenantSettings, "failMode" | "timeoutBudgetMs" | "rateLimitPerSecond" | "synchronousReasons">;

const FAIL_MODES = [
  { value: "review", label: "Step up (REVIEW)", hint: "Safer: unscored payments get MFA and an analyst." },
  { value: "allow", label: "Allow (LEGIT)", hint: "Smoother: only rules and block lists can decline." },
] as const;

export function ScoringLimitsFields({
  value,
  errors,
  onChange,
}: {
  value: Limits;
  errors: FieldErrors;
  onChange: (patch: Partial<Limits>) => void;
}) {
  return (
    <FormSection
      id="limits-heading"
      title="When the model is slow"
      description="The model's share of the payment's latency budget, what a transaction gets without a model answer, whether flagged answers wait for their reasons, and each API key's rate limit."
    >
      <fieldset>
        <legend className="text-[12px] font-medium">Fail mode</legend>
        <div className="mt-1.5 grid max-w-xl gap-2 sm:grid-cols-2">
          {FAIL_MODES.map((mode) => (
            <label
              key={mode.value}
              className={`flex cursor-pointer gap-2 rounded-md border px-3 py-2 ${value.failMode === mode.value ? "border-accent bg-accent-soft" : "border-line-strong"}`}
            >
              <input
                type="radio"
                name="failMode"
                className="mt-0.5 accent-[var(--accent)]"
                checked={value.failMode === mode.value}
                onChange={() => onChange({ failMode: mode.value })}
              />
              <span>
                <span className="block text-[13px] font-medium">{mode.label}</span>
                <span className="block text-[12px] text-muted">{mode.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-4 grid max-w-md grid-cols-2 gap-4">
        <Field id="timeout-budget" label="Timeout budget (ms)" hint="10 – 10,000" error={errors.timeoutBudgetMs}>
          <TextInput
            id="timeout-budget"
            type="number"
            min={10}
            max={10_000}
            step={1}
            value={num(value.timeoutBudgetMs)}
            onChange={(e) => onChange({ timeoutBudgetMs: e.target.valueAsNumber })}
            isInvalid={Boolean(errors.timeoutBudgetMs)}
          />
        </Field>
        <Field id="rate-limit" label="Rate limit (requests/s per key)" hint="1 – 100,000" error={errors.rateLimitPerSecond}>
          <TextInput
            id="rate-limit"
            type="number"
            min={1}
            max={100_000}
            step={1}
            value={num(value.rateLimitPerSecond)}
            onChange={(e) => onChange({ rateLimitPerSecond: e.target.valueAsNumber })}
            isInvalid={Boolean(errors.rateLimitPerSecond)}
          />
        </Field>
      </div>
      <label className="mt-4 flex max-w-xl cursor-pointer gap-2">
        <input
          type="checkbox"
          className="mt-0.5 accent-[var(--accent)]"
          checked={value.synchronousReasons}
          onChange={(e) => onChange({ synchronousReasons: e.target.checked })}
        />
        <span>
          <span className="block text-[13px] font-medium">Synchronous reasons</span>
          <span className="block text-[12px] text-muted">
            Flagged answers wait, within the timeout budget, for their SHAP reasons. On AWS, Clarify&apos;s Kernel SHAP adds hundreds of
            milliseconds per flagged transaction; reasons that miss the budget still reach the review queue, never the answer.
          </span>
        </span>
      </label>
    </FormSection>
  );
}
