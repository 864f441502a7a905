"use client";

import { useEffect, useRef, useState } from "react";
import { Button, Field, TextInput } from "@/components/settings/controls";
import type { ModelVersionView } from "@/lib/models/get-models-overview";

/** Approve or reject a version: the comment is required and goes to the registry as ApprovalDescription. */
export function ApprovalDialog(props: {
  version: ModelVersionView;
  decision: "Approved" | "Rejected";
  isPending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) {
  const { version, decision, isPending, error, onCancel, onConfirm } = props;
  const [comment, setComment] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onCancel();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCancel]);
  const verb = decision === "Approved" ? "Approve" : "Reject";
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/30 p-4">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="approval-title"
        className="w-full max-w-md rounded-lg border border-line bg-surface p-5 shadow-xl"
        onSubmit={(e) => {
          e.preventDefault();
          if (comment.trim()) onConfirm(comment.trim());
        }}
      >
        <h2 id="approval-title" className="text-[15px] font-semibold">
          {verb} v{version.version}?
        </h2>
        <p className="mt-1 text-[13px] text-muted">
          {decision === "Approved"
            ? "The gates are checked again on the server; an approved version may be deployed as a shadow or canary."
            : "A rejected version cannot be approved until someone decides again; it stays in the registry."}
        </p>
        <div className="mt-4">
          <Field id="approval-comment" label="Comment (required, stored with the decision)">
            <TextInput ref={inputRef} id="approval-comment" maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </Field>
        </div>
        {error && (
          <p role="alert" className="mt-3 text-[12px] text-danger">
            Not {decision === "Approved" ? "approved" : "rejected"}: {error.message}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button type="button" onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" tone={decision === "Approved" ? "primary" : "danger"} disabled={isPending || !comment.trim()}>
            {isPending ? `${verb === "Approve" ? "Approving" : "Rejecting"}…` : `${verb} v${version.version}`}
          </Button>
        </div>
      </form>
    </div>
  );
}
