"use client";

import { useQuery } from "@tanstack/react-query";
import { healthQueryOptions } from "@/lib/queries/health";

/** A status light for the stack the console runs on (GET /api/health). */
export function SystemStatus() {
  const { data, isError } = useQuery(healthQueryOptions());
  const down = data
    ? Object.entries(data.checks)
        .filter(([, c]) => !c.ok)
        .map(([name]) => name)
    : [];
  const tone = isError || down.length > 0 ? "bg-warning" : data ? "bg-success" : "bg-subtle";
  const label = isError
    ? "Status unknown"
    : !data
      ? "Checking services"
      : down.length === 0
        ? "All services up"
        : `Degraded: ${down.join(", ")}`;
  return (
    <span className="hidden items-center gap-1.5 text-[12px] text-muted md:flex" title={label}>
      <span className={`h-2 w-2 rounded-full ${tone}`} aria-hidden="true" />
      <span role="status">{label}</span>
    </span>
  );
}
