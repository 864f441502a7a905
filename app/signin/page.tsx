import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorMessage } from "@/components/auth/sign-in-error";
import { SsoButton } from "@/components/auth/sso-button";
import { Logo } from "@/components/brand/logo";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { DEFAULT_DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { getSession } from "@/lib/http/get-session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getSession()) redirect(callbackUrl);
  const error = signInErrorMessage(first(params.error));
  const config = env();
  const isSso = config.AUTH_PROVIDER === "oidc";
  // lib/env.ts refuses DEMO_ACCOUNTS with OIDC; the launcher sets it only for the default password.
  const demo = !isSso && config.DEMO_ACCOUNTS ? { accounts: config.DEMO_ACCOUNTS, password: DEFAULT_DEMO_PASSWORD } : undefined;

  return (
    <main className="flex min-h-full items-center justify-center px-4 py-12">
      <div className="w-full max-w-[380px]">
        <div className="mb-8 flex justify-center">
          <Logo />
        </div>
        <div className="rounded-xl border border-line bg-surface p-7 shadow-[0_1px_2px_rgba(16,24,40,0.04),0_8px_24px_-12px_rgba(16,24,40,0.12)]">
          <h1 className="text-lg font-semibold tracking-tight">Sign in to your workspace</h1>
          <p className="mb-6 mt-1 text-[13px] text-muted">Review flagged transactions and operate your fraud models.</p>
          {isSso ? (
            <>
              {error && (
                <div role="alert" className="mb-4 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger">
                  {error}
                </div>
              )}
              <SsoButton callbackUrl={callbackUrl} />
            </>
          ) : (
            <SignInForm callbackUrl={callbackUrl} initialError={error} demo={demo} />
          )}
        </div>
        <p className="mt-6 text-center text-xs text-subtle">Access is limited to your organisation&apos;s tenant. Activity is audited.</p>
      </div>
    </main>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
