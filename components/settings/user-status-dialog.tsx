"use client";

import { useEffect, useRef, useState } from "react";
import type { UserSummary } from "@/lib/users/user";
import { Button, Field, TextInput } from "./controls";

/** Confirmation before disabling (or re-enabling) a user, with the reason recorded in the audit log. */
export function UserStatusDialog(props: {
  user: UserSummary;
  isPending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (reason?: string) => void;
}) {
  const { user, isPending, error, onCancel, onConfirm } = props;
  const [reason, setReason] = useState("");
  const cancelRef = useRef<HTMLButtonElement>(null);
  const isDisabling = user.enabled;
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
        aria-labelledby="user-status-title"
        className="w-full max-w-md rounded-lg border border-line bg-surface p-5 shadow-xl"
      >
        <h2 id="user-status-title" className="text-[15px] font-semibold">
          {isDisabling ? "Disable" : "Enable"} {user.email}?
        </h2>
        <p className="mt-1 text-[13px] text-muted">
          {isDisabling
            ? "They can no longer sign in, and their open sessions end within a minute."
            : "They can sign in again with their existing credentials."}
        </p>
        <div className="mt-4">
          <Field id="user-status-reason" label="Why (optional, recorded in the audit log)">
            <TextInput id="user-status-reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        </div>
        {error && (
          <p role="alert" className="mt-3 text-[12px] text-danger">
            Not changed: {error.message}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button ref={cancelRef} onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
          <Button tone={isDisabling ? "danger" : "primary"} onClick={() => onConfirm(reason.trim() || undefined)} disabled={isPending}>
            {isPending ? "Saving…" : isDisabling ? "Disable user" : "Enable user"}
          </Button>
        </div>
      </div>
    </div>
  );
}
