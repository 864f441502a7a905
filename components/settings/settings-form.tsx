"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "@/components/ui/format";
import { isApiError } from "@/lib/queries/api-error";
import { auditKeys } from "@/lib/queries/audit";
import { putSettings, settingsKeys, settingsQueryOptions } from "@/lib/queries/settings";
import type { VersionedSettings } from "@/lib/settings/get-settings";
import { tenantSettingsSchema, type TenantSettings } from "@/lib/settings/tenant-settings";
import { BlockListsFields } from "./block-lists-fields";
import { DriftThresholdsFields } from "./drift-thresholds-fields";
import { Button } from "./controls";
import { fieldErrorsFromDetails, validate, type FieldErrors } from "./field-errors";
import { PromotionGatesFields } from "./promotion-gates-fields";
import { RulesEditor } from "./rules-editor";
import { SaveBar } from "./save-bar";
import { ScoringLimitsFields } from "./scoring-limits-fields";
import { ThresholdsFields } from "./thresholds-fields";

/**
 * The tenant's scoring settings. The draft is validated with the same zod schema the API uses,
 * saved with the version it was loaded at (optimistic concurrency: a save by someone else in
 * between answers 409, shown with a way to load theirs), and the audit log is refreshed after.
 */
export function SettingsForm() {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(settingsQueryOptions());
  const [base, setBase] = useState<VersionedSettings>(data);
  const [draft, setDraft] = useState<TenantSettings>(data.settings);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  const save = useMutation({
    mutationFn: putSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.all, saved);
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      load(saved);
      setSavedVersion(saved.version);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 400) setErrors(fieldErrorsFromDetails(error.details));
    },
  });

  function load(next: VersionedSettings) {
    setBase(next);
    setDraft(next.settings);
    setReason("");
    setErrors({});
  }

  function edit(next: TenantSettings) {
    setDraft(next);
    setSavedVersion(null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(tenantSettingsSchema, draft);
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    save.mutate({ settings: checked.data, expectedVersion: base.version, reason: reason.trim() || undefined });
  }

  async function loadLatest() {
    const latest = await queryClient.fetchQuery({ ...settingsQueryOptions(), staleTime: 0 });
    load(latest);
    save.reset();
  }

  const isDirty = JSON.stringify(draft) !== JSON.stringify(base.settings);
  const hasErrors = Object.keys(errors).length > 0;
  const status = save.isPending
    ? null
    : savedVersion !== null
      ? { tone: "success" as const, text: `Saved · version ${savedVersion}` }
      : {
          tone: "muted" as const,
          text:
            base.version === 0
              ? "Defaults (never saved)"
              : `Version ${base.version} · ${formatDateTime(base.updatedAt)} by ${base.updatedBy ?? "—"}`,
        };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Scoring settings"
      className="rounded-lg border border-line bg-surface shadow-[0_1px_2px_rgba(16,24,40,0.04)]"
    >
      <SaveProblem error={save.error} hasErrors={hasErrors} onLoadLatest={() => void loadLatest()} />
      <ThresholdsFields value={draft.thresholds} errors={errors} onChange={(thresholds) => edit({ ...draft, thresholds })} />
      <RulesEditor rules={draft.rules} errors={errors} onChange={(rules) => edit({ ...draft, rules })} />
      <BlockListsFields value={draft.blockLists} errors={errors} onChange={(blockLists) => edit({ ...draft, blockLists })} />
      <ScoringLimitsFields value={draft} errors={errors} onChange={(patch) => edit({ ...draft, ...patch })} />
      <DriftThresholdsFields value={draft.drift} errors={errors} onChange={(drift) => edit({ ...draft, drift })} />
      <PromotionGatesFields
        gates={draft.approvalGates}
        slo={draft.slo}
        guardrails={draft.promotionGuardrails}
        errors={errors}
        onChange={(patch) => edit({ ...draft, ...patch })}
      />
      <SaveBar
        reason={reason}
        onReasonChange={setReason}
        isDirty={isDirty}
        isPending={save.isPending}
        onDiscard={() => load(base)}
        status={status}
      />
    </form>
  );
}

function SaveProblem({ error, hasErrors, onLoadLatest }: { error: Error | null; hasErrors: boolean; onLoadLatest: () => void }) {
  if (isApiError(error) && error.status === 409) {
    return (
      <div
        role="alert"
        className="m-4 flex flex-wrap items-center justify-between gap-3 rounded-md border border-warning/40 bg-warning-soft px-4 py-3 text-[13px]"
      >
        <div>
          <p className="font-semibold text-warning">Someone else saved these settings while you were editing</p>
          <p className="text-muted">Nothing of yours was saved. Load their version, then apply your change again.</p>
        </div>
        <Button onClick={onLoadLatest}>Load latest settings</Button>
      </div>
    );
  }
  if (!error && !hasErrors) return null;
  const message = hasErrors ? "Some fields need attention before saving." : error?.message;
  return (
    <div role="alert" className="m-4 rounded-md border border-danger/30 bg-danger-soft px-4 py-3 text-[13px]">
      <p className="font-semibold text-danger">Settings not saved</p>
      <p className="text-muted">{message}</p>
    </div>
  );
}
