import { RULE_FIELDS, RULE_OPERATORS, type Rule } from "@/lib/settings/tenant-settings";
import { Button, Select, TextInput } from "./controls";
import type { FieldErrors } from "./field-errors";
import { FormSection } from "./section";
import { num } from "./thresholds-fields";

const OPERATOR_LABELS: Record<(typeof RULE_OPERATORS)[number], string> = { gt: ">", gte: "≥", lt: "<", lte: "≤" };
const MAX_RULES = 50;

export function RulesEditor({ rules, errors, onChange }: { rules: Rule[]; errors: FieldErrors; onChange: (next: Rule[]) => void }) {
  const update = (i: number, patch: Partial<Rule>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () =>
    onChange([
      ...rules,
      {
        id: `rule-${Math.random().toString(36).slice(2, 8)}`,
        description: "",
        field: "amount",
        operator: "gt",
        value: 0,
        decision: "REVIEW",
        enabled: true,
      },
    ]);
  return (
    <FormSection
      id="rules-heading"
      title="Rules"
      description="Checked before the model. A SUSPICIOUS rule declines without asking the model; a REVIEW rule is a floor for its decision."
    >
      {rules.length === 0 ? (
        <p className="rounded-md border border-dashed border-line-strong px-3 py-4 text-center text-[13px] text-muted">
          No rules: the model decides alone.
        </p>
      ) : (
        <ul className="space-y-2" aria-label="Rules">
          {rules.map((rule, i) => (
            <RuleRow
              key={rule.id}
              rule={rule}
              index={i}
              errors={errors}
              onChange={(patch) => update(i, patch)}
              onRemove={() => onChange(rules.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
      )}
      <Button className="mt-3" onClick={add} disabled={rules.length >= MAX_RULES}>
        + Add rule
      </Button>
    </FormSection>
  );
}

function RuleRow({
  rule,
  index,
  errors,
  onChange,
  onRemove,
}: {
  rule: Rule;
  index: number;
  errors: FieldErrors;
  onChange: (patch: Partial<Rule>) => void;
  onRemove: () => void;
}) {
  const at = (field: string) => errors[`rules.${index}.${field}`];
  const id = (field: string) => `rule-${index}-${field}`;
  const problems = ["description", "value", "id", "field", "operator", "decision"].map(at).filter(Boolean);
  return (
    <li className={`rounded-md border px-3 py-2.5 ${rule.enabled ? "border-line bg-surface" : "border-line bg-surface-muted"}`}>
      <div className="flex items-center gap-2">
        <input
          id={id("enabled")}
          type="checkbox"
          checked={rule.enabled}
          onChange={(e) => onChange({ enabled: e.target.checked })}
          className="h-4 w-4 accent-[var(--accent)]"
          aria-label={`Rule ${index + 1} enabled`}
        />
        <TextInput
          id={id("description")}
          aria-label={`Rule ${index + 1} description`}
          placeholder="Description"
          value={rule.description}
          onChange={(e) => onChange({ description: e.target.value })}
          isInvalid={Boolean(at("description"))}
        />
        <Button tone="ghost" onClick={onRemove} aria-label={`Remove rule ${index + 1}`}>
          Remove
        </Button>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2 pl-6 text-[12px] text-muted">
        <span>When</span>
        <Select
          aria-label={`Rule ${index + 1} field`}
          value={rule.field}
          onChange={(e) => onChange({ field: e.target.value as Rule["field"] })}
          className="w-56"
        >
          {RULE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </Select>
        <Select
          aria-label={`Rule ${index + 1} operator`}
          value={rule.operator}
          onChange={(e) => onChange({ operator: e.target.value as Rule["operator"] })}
          className="w-20"
        >
          {RULE_OPERATORS.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_LABELS[op]}
            </option>
          ))}
        </Select>
        <TextInput
          id={id("value")}
          aria-label={`Rule ${index + 1} value`}
          type="number"
          step="any"
          value={num(rule.value)}
          onChange={(e) => onChange({ value: e.target.valueAsNumber })}
          isInvalid={Boolean(at("value"))}
          className="w-28"
        />
        <span>then at least</span>
        <Select
          aria-label={`Rule ${index + 1} decision`}
          value={rule.decision}
          onChange={(e) => onChange({ decision: e.target.value as Rule["decision"] })}
          className="w-36"
        >
          <option value="REVIEW">REVIEW</option>
          <option value="SUSPICIOUS">SUSPICIOUS</option>
        </Select>
      </div>
      {problems.length > 0 && <p className="mt-1.5 text-[12px] text-danger">{problems.join("; ")}</p>}
    </li>
  );
}
