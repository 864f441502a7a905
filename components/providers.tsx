"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { z } from "zod";
import { getQueryClient } from "@/lib/queries/query-client";

// zod 4 probes whether it may compile parsers with `new Function` (util.allowsEval); under our CSP
// (no 'unsafe-eval') the probe is caught but still reported as a securitypolicyviolation. Jitless
// parsing skips the probe (node_modules/zod/v4/core/util.js) and is fast enough for form input.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  // getQueryClient keeps one client per browser tab and a fresh one per server render.
  const queryClient = getQueryClient();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
