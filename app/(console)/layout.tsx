import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireSession } from "@/lib/http/require-session";
import { getTenant } from "@/lib/tenants/get-tenant";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireSession();
  return (
    <AppShell user={user} tenantName={await tenantName(user.tenantId)}>
      {children}
    </AppShell>
  );
}

/** The header falls back to the tenant id rather than failing every page when the lookup does. */
async function tenantName(tenantId: string): Promise<string> {
  try {
    return (await getTenant({ tenantId }))?.name ?? tenantId;
  } catch (error) {
    console.error("Tenant lookup failed for the header", error);
    return tenantId;
  }
}
