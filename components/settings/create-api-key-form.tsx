"use client";

import { useState, type FormEvent } from "react";
import { createApiKeyRequestSchema } from "@/lib/settings/settings-request";
import { Button, Field, TextInput } from "./controls";
import { validate, type FieldErrors } from "./field-errors";

export function CreateApiKeyForm({
  isPending,
  error,
  onCreate,
}: {
  isPending: boolean;
  error: Error | null;
  onCreate: (input: { name: string; reason?: string }) => void;
}) {
  const [name, setName] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(createApiKeyRequestSchema, { name, reason: reason.trim() || undefined });
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    onCreate(checked.data);
    setName("");
    setReason("");
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Create an API key" className="flex flex-wrap items-start gap-3">
      <div className="w-60">
        <Field id="api-key-name" label="Key name" error={errors.name} hint="e.g. the application that will use it">
          <TextInput
            id="api-key-name"
            maxLength={100}
            placeholder="Checkout service"
            value={name}
            onChange={(e) => setName(e.target.value)}
            isInvalid={Boolean(errors.name)}
          />
        </Field>
      </div>
      <div className="min-w-[200px] flex-1">
        <Field id="api-key-reason" label="Why (optional)" error={errors.reason}>
          <TextInput
            id="api-key-reason"
            maxLength={500}
            placeholder="Recorded in the audit log"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </div>
      <Button type="submit" tone="primary" disabled={isPending} className="mt-[21px]">
        {isPending ? "Creating…" : "Create key"}
      </Button>
      {error && (
        <p role="alert" className="w-full text-[12px] text-danger">
          Key not created: {error.message}
        </p>
      )}
    </form>
  );
}
