import { z } from "zod";
import { invalidNextToken } from "../errors";
import { matchesDimensionFilter } from "../store/metric-id";
import { HIGH_RESOLUTION_MS } from "../store/metric-store";
import { parseRequest } from "../wire";
import type { OperationContext } from "./context";

const PAGE_SIZE = 500;

const requestSchema = z.object({
  Namespace: z.string().min(1).max(255).optional(),
  MetricName: z.string().min(1).max(255).optional(),
  Dimensions: z
    .array(z.object({ Name: z.string().min(1).max(255), Value: z.string().min(1).max(1024).optional() }))
    .max(10)
    .optional(),
  NextToken: z.string().optional(),
  RecentlyActive: z.enum(["PT3H"]).optional(),
  IncludeLinkedAccounts: z.boolean().optional(),
  OwningAccount: z.string().optional(),
});

export function listMetrics(ctx: OperationContext, body: unknown) {
  const r = parseRequest(requestSchema, body);
  // RecentlyActive is judged by the newest datapoint timestamp (publish time is not persisted).
  const activeSince = r.RecentlyActive ? ctx.now() - HIGH_RESOLUTION_MS : -Infinity;
  const matches = [...ctx.store.all()]
    .filter(
      (s) =>
        (r.Namespace === undefined || s.id.namespace === r.Namespace) && (r.MetricName === undefined || s.id.metricName === r.MetricName),
    )
    .filter((s) => matchesDimensionFilter(s.id, r.Dimensions ?? []) && s.lastUpdateMs >= activeSince)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const offset = r.NextToken === undefined ? 0 : decodeOffset(r.NextToken, matches.length);
  const page = matches.slice(offset, offset + PAGE_SIZE);
  const Metrics = page.map((s) => ({ Namespace: s.id.namespace, MetricName: s.id.metricName, Dimensions: s.id.dimensions }));
  const next = offset + PAGE_SIZE;
  return { Metrics, ...(next < matches.length ? { NextToken: Buffer.from(String(next)).toString("base64url") } : {}) };
}

function decodeOffset(token: string, total: number): number {
  const n = Number(Buffer.from(token, "base64url").toString("utf8"));
  if (!Number.isInteger(n) || n < 0 || n > total) throw invalidNextToken();
  return n;
}
