"use client";

import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { DemoAccount } from "@/lib/auth/demo-accounts";

interface DemoAccountPickerProps {
  accounts: readonly DemoAccount[];
  password: string;
  disabled: boolean;
  onPick: (account: DemoAccount) => void;
}

/**
 * The local demo's seeded accounts, one button per tenant and role: a click fills the form. Shown
 * only when the launcher says the demo runs on its well-known password (DEMO_ACCOUNTS).
 */
export function DemoAccountPicker({ accounts, password, disabled, onPick }: DemoAccountPickerProps) {
  const tenants = [...new Set(accounts.map((a) => a.tenant))];
  return (
    <section aria-labelledby="demo-accounts-heading" className="mt-6 border-t border-line pt-5">
      <h2 id="demo-accounts-heading" className="text-[13px] font-medium text-foreground">
        Use a demo account
      </h2>
      <p className="mt-1 text-[12px] text-muted">
        Local demo: every account&apos;s password is <code className="font-mono text-foreground">{password}</code>. Pick one to fill the
        form.
      </p>
      <ul className="mt-3 space-y-3">
        {tenants.map((tenant) => (
          <li key={tenant}>
            <p className="mb-1.5 text-[12px] text-subtle">{tenant}</p>
            <span className="grid grid-cols-3 gap-1.5">
              {ROLES.map((role) => {
                const account = accounts.find((a) => a.tenant === tenant && a.role === role);
                if (!account) return null;
                return (
                  <button
                    key={role}
                    type="button"
                    disabled={disabled}
                    title={account.email}
                    aria-label={`Use ${account.email} (${ROLE_LABELS[role]}, ${tenant})`}
                    onClick={() => onPick(account)}
                    className="h-7 whitespace-nowrap rounded-md border border-line-strong bg-surface px-2 text-[12px] font-medium text-foreground hover:bg-surface-muted disabled:opacity-60"
                  >
                    {ROLE_LABELS[role]}
                  </button>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
