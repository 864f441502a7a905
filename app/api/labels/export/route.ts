import { z } from "zod";
import { withRoute } from "@/lib/http/with-route";
import { AREA_ROLES } from "@/lib/auth/roles";
import { exportLabels } from "@/lib/labels/export-labels";
import { LABEL_FORMATS } from "@/lib/labels/label-format";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(LABEL_FORMATS).default("csv"),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", jsonl: "application/x-ndjson" } as const;

/** GET /api/labels/export?format=csv|jsonl&from&to: verified verdicts as training rows, streamed. */
export const GET = withRoute(
  async ({ req, tenantId }) => {
    const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const lines = exportLabels({ tenantId, ...query, from: iso(query.from), to: iso(query.to) });
    // Pull the first chunk before answering, so a DynamoDB failure is an error body, not a cut stream.
    const first = await lines.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": CONTENT_TYPES[query.format],
        "content-disposition": `attachment; filename="labels-${tenantId}-${stamp}.${query.format}"`,
        "cache-control": "no-store",
      },
    });
  },
  { roles: AREA_ROLES.models },
);

const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);
