"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signInErrorMessage } from "./sign-in-error";

interface SignInFormProps {
  callbackUrl: string;
  initialError: string | null;
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const [error, setError] = useState<string | null>(initialError);
  const [isPending, setIsPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: textField(form, "email"),
      password: textField(form, "password"),
      callbackUrl,
      redirect: false,
    });
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? "Default"));
      setIsPending(false);
      return;
    }
    // A full navigation so that server components render with the new session cookie.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
      {error && (
        <div role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger">
          {error}
        </div>
      )}
      <Field label="Work e-mail" name="email" type="email" autoComplete="username" autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      <button
        type="submit"
        disabled={isPending}
        className="flex h-9 w-full items-center justify-center rounded-md bg-accent px-3 text-sm font-medium text-accent-foreground shadow-sm transition-colors hover:bg-accent-hover disabled:opacity-60"
      >
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function Field(props: { label: string; name: string; type: string; autoComplete: string; autoFocus?: boolean }) {
  const { label, ...input } = props;
  return (
    <label className="block space-y-1.5">
      <span className="text-[13px] font-medium text-foreground">{label}</span>
      <input
        {...input}
        id={input.name}
        required
        className="block h-9 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-foreground shadow-sm outline-none placeholder:text-subtle focus:border-accent focus:ring-2 focus:ring-accent/20 focus-visible:outline-none"
      />
    </label>
  );
}
