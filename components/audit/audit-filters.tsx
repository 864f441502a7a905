"use client";

import { useState, type ChangeEvent, type FormEvent } from "react";
import { Button, Field, TextInput } from "@/components/settings/controls";
import type { AuditSearch } from "@/lib/queries/audit";

/** Known action prefixes (the filter matches by prefix, so "settings." finds every settings action). */
const ACTION_SUGGESTIONS = [
  "settings.",
  "settings.update",
  "api_key.",
  "api_key.create",
  "api_key.revoke",
  "verdict.",
  "deployment.",
  "rollback.",
];

export function AuditFilters({ search, onApply }: { search: AuditSearch; onApply: (next: AuditSearch) => void }) {
  const [draft, setDraft] = useState(search);
  const set = (name: keyof AuditSearch) => (e: ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [name]: e.target.value || undefined });
  const hasFilters = Object.values(search).some(Boolean);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft);
  }
  return (
    <form onSubmit={submit} aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 border-b border-line px-4 py-3">
      <div className="w-48">
        <Field id="audit-action" label="Action">
          <TextInput id="audit-action" list="audit-actions" placeholder="Any action" value={draft.action ?? ""} onChange={set("action")} />
        </Field>
        <datalist id="audit-actions">
          {ACTION_SUGGESTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <div className="w-60">
        <Field id="audit-actor" label="Actor">
          <TextInput id="audit-actor" type="email" placeholder="Anyone (exact e-mail)" value={draft.actor ?? ""} onChange={set("actor")} />
        </Field>
      </div>
      <div className="w-40">
        <Field id="audit-from" label="From (UTC)">
          <TextInput id="audit-from" type="date" value={draft.from ?? ""} onChange={set("from")} />
        </Field>
      </div>
      <div className="w-40">
        <Field id="audit-to" label="To (UTC)">
          <TextInput id="audit-to" type="date" value={draft.to ?? ""} onChange={set("to")} />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" tone="primary">
          Apply filters
        </Button>
        {hasFilters && (
          <Button
            onClick={() => {
              setDraft({});
              onApply({});
            }}
          >
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
