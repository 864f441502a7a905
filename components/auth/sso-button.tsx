"use client";

import { signIn } from "next-auth/react";

export function SsoButton({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button
      type="button"
      onClick={() => void signIn("oidc", { callbackUrl })}
      className="flex h-9 w-full items-center justify-center rounded-md bg-accent px-3 text-sm font-medium text-accent-foreground shadow-sm hover:bg-accent-hover"
    >
      Continue with single sign-on
    </button>
  );
}
