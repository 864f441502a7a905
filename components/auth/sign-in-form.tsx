"use client";

import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import type { DemoAccount } from "@/lib/auth/demo-accounts";
import { DemoAccountPicker } from "./demo-account-picker";
import { signInErrorMessage } from "./sign-in-error";
import { useIsHydrated } from "./use-is-hydrated";

interface SignInFormProps {
  callbackUrl: string;
  initialError: string | null;
  /** The local demo's accounts and their shared password, when the launcher offers them. */
  demo?: { accounts: readonly DemoAccount[]; password: string };
}

/**
 * Credentials go to next-auth in a POST body, never in a URL. Until React has attached the submit
 * handler the button is disabled, which also stops Enter from submitting (HTML's implicit
 * submission skips a disabled default button): a native submission would otherwise send the
 * form to this page. method="post" keeps even that out of the URL.
 */
export function SignInForm({ callbackUrl, initialError, demo }: SignInFormProps) {
  const isHydrated = useIsHydrated();
  const [error, setError] = useState<string | null>(initialError);
  const [isPending, setIsPending] = useState(false);
  // Uncontrolled fields: what a person typed before hydration stays in them.
  const formRef = useRef<HTMLFormElement>(null);

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
    <>
      <form ref={formRef} method="post" onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
        {error && (
          <div role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger">
            {error}
          </div>
        )}
        <Field label="Work e-mail" name="email" type="email" autoComplete="username" autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" />
        <button
          type="submit"
          disabled={!isHydrated || isPending}
          className="flex h-9 w-full items-center justify-center rounded-md bg-accent px-3 text-sm font-medium text-accent-foreground shadow-sm transition-colors hover:bg-accent-hover disabled:opacity-60"
        >
          {isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {demo && (
        <DemoAccountPicker
          accounts={demo.accounts}
          password={demo.password}
          disabled={!isHydrated || isPending}
          onPick={(account) => {
            const fields = formRef.current?.elements;
            setFieldValue(fields?.namedItem("email"), account.email);
            setFieldValue(fields?.namedItem("password"), demo.password);
            setError(null);
          }}
        />
      )}
    </>
  );
}

function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function setFieldValue(field: Element | RadioNodeList | null | undefined, value: string): void {
  if (field instanceof HTMLInputElement) field.value = value;
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
