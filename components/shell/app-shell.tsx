import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { navSectionsFor } from "./nav-items";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";
import { SystemStatus } from "./system-status";

interface AppShellProps {
  user: SessionUser;
  tenantName: string;
  children: ReactNode;
}

/** The frame of every signed-in page: menu for the user's role, tenant and identity on top. */
export function AppShell({ user, tenantName, children }: AppShellProps) {
  return (
    <div className="flex min-h-full">
      <aside className="sticky top-0 hidden h-screen w-[232px] shrink-0 flex-col border-r border-line bg-sidebar px-3 py-4 md:flex">
        <div className="mb-6 px-2">
          <Logo />
        </div>
        <SidebarNav sections={navSectionsFor(user.role)} />
        <div className="mt-auto px-2 text-[11px] text-subtle">Fraud Console · SageMaker</div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-12 items-center justify-between gap-4 border-b border-line bg-surface/90 px-6 backdrop-blur">
          <div className="flex min-w-0 items-center gap-2">
            <span className="text-[11px] font-medium uppercase tracking-wider text-subtle">Tenant</span>
            <span data-testid="tenant-name" className="truncate text-[13px] font-semibold">
              {tenantName}
            </span>
          </div>
          <div className="flex items-center gap-4">
            <SystemStatus />
            <div className="flex items-center gap-2 text-[13px]">
              <span data-testid="user-email" className="text-muted">
                {user.email}
              </span>
              <span
                data-testid="user-role"
                className="rounded-full border border-line bg-surface-muted px-2 py-0.5 text-[11px] font-medium text-foreground"
              >
                {ROLE_LABELS[user.role]}
              </span>
            </div>
            <SignOutButton />
          </div>
        </header>
        <main className="flex-1 px-6 py-6">
          <div className="mx-auto max-w-[1200px]">{children}</div>
        </main>
      </div>
    </div>
  );
}
