"use client";

import { useState, type FormEvent } from "react";
import { Button, Field, Select, TextInput } from "@/components/settings/controls";
import { ROLLBACK_OUTCOMES, ROLLBACK_TRIGGERS, type RollbackSearch } from "@/lib/queries/rollbacks";
import { TIMELINE_RANGES, type TimelineRange } from "./timeline";

export const OUTCOME_LABELS = {
  succeeded: "Succeeded",
  failed: "Failed",
  already_rolled_back: "Already rolled back",
  in_progress: "In progress",
} as const;

export function RollbackFilters({
  search,
  range,
  onApply,
}: {
  search: RollbackSearch;
  range: TimelineRange;
  onApply: (next: RollbackSearch, range: TimelineRange) => void;
}) {
  const [draft, setDraft] = useState(search);
  const [draftRange, setDraftRange] = useState(range);
  const hasFilters = Boolean(search.endpoint || search.trigger || search.outcome);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft, draftRange);
  }
  return (
    <form onSubmit={submit} aria-label="Filter rollbacks" className="flex flex-wrap items-end gap-3 border-b border-line px-4 py-3">
      <div className="w-56">
        <Field id="rb-endpoint" label="Endpoint">
          <TextInput
            id="rb-endpoint"
            placeholder="Any endpoint"
            value={draft.endpoint ?? ""}
            onChange={(e) => setDraft({ ...draft, endpoint: e.target.value || undefined })}
          />
        </Field>
      </div>
      <div className="w-36">
        <Field id="rb-trigger" label="Trigger">
          <Select
            id="rb-trigger"
            value={draft.trigger ?? ""}
            onChange={(e) => setDraft({ ...draft, trigger: (e.target.value || undefined) as RollbackSearch["trigger"] })}
          >
            <option value="">Any</option>
            {ROLLBACK_TRIGGERS.map((t) => (
              <option key={t} value={t}>
                {t === "alarm" ? "Alarm" : "Manual"}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="w-44">
        <Field id="rb-outcome" label="Outcome">
          <Select
            id="rb-outcome"
            value={draft.outcome ?? ""}
            onChange={(e) => setDraft({ ...draft, outcome: (e.target.value || undefined) as RollbackSearch["outcome"] })}
          >
            <option value="">Any</option>
            {ROLLBACK_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="w-40">
        <Field id="rb-range" label="Timeline">
          <Select id="rb-range" value={draftRange} onChange={(e) => setDraftRange(e.target.value as TimelineRange)}>
            {Object.keys(TIMELINE_RANGES).map((r) => (
              <option key={r} value={r}>
                Last {TIMELINE_RANGES[r as TimelineRange]} days
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" tone="primary">
          Apply
        </Button>
        {hasFilters && (
          <Button
            onClick={() => {
              setDraft({});
              onApply({}, draftRange);
            }}
          >
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
