"use client";

import { useEffect, useRef, useState } from "react";
import type { ApiKeyRecord } from "@/lib/api-keys/api-key";
import { Button, Field, TextInput } from "./controls";

/** Confirmation before revoking: the payment application using the key starts getting 401s. */
export function RevokeKeyDialog(props: {
  apiKey: ApiKeyRecord;
  isPending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (reason?: string) => void;
}) {
  const { apiKey, isPending, error, onCancel, onConfirm } = props;
  const [reason, setReason] = useState("");
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onCancel();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCancel]);
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/30 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="revoke-title"
        className="w-full max-w-md rounded-lg border border-line bg-surface p-5 shadow-xl"
      >
        <h2 id="revoke-title" className="text-[15px] font-semibold">
          Revoke “{apiKey.name}”?
        </h2>
        <p className="mt-1 text-[13px] text-muted">
          Requests with <span className="font-mono text-foreground">{apiKey.displayPrefix}…</span> will be refused with 401 within a minute.
          This cannot be undone.
        </p>
        <div className="mt-4">
          <Field id="revoke-reason" label="Why (optional, recorded in the audit log)">
            <TextInput id="revoke-reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        </div>
        {error && (
          <p role="alert" className="mt-3 text-[12px] text-danger">
            Not revoked: {error.message}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button ref={cancelRef} onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
          <Button tone="danger" onClick={() => onConfirm(reason.trim() || undefined)} disabled={isPending}>
            {isPending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </div>
    </div>
  );
}
