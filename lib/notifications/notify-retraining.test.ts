import { describe, expect, it } from "vitest";
import type { RetrainingEvent } from "@/lib/drift/retraining-episode";
import { notifyRetraining } from "./notify-retraining";

const event: RetrainingEvent = {
  tenantId: "t1",
  endpointName: "fraud-t1",
  episodeId: "ep-1",
  runId: "run-9",
  weight: 0.42,
  threshold: 0.25,
  features: ["amount", "channel"],
  openedAt: "2026-12-01T10:00:00.000Z",
};

/** A table that holds only the tenant's webhook item. */
const tableWith = (item: Record<string, unknown> | undefined) => ({ send: () => Promise.resolve({ Item: item }) }) as never;

function receiver(statuses: number[]) {
  const bodies: unknown[] = [];
  const fetch: typeof globalThis.fetch = (_url, init) => {
    bodies.push(JSON.parse(init?.body as string));
    return Promise.resolve(new Response(null, { status: statuses.shift() ?? 200 }));
  };
  return { bodies, fetch };
}

describe("the retraining notification", () => {
  it("sends one message per configured channel, naming the endpoint, the drifted features and their weight", async () => {
    const { bodies, fetch } = receiver([200, 200]);
    const db = tableWith({ slackWebhookUrl: "https://hooks.slack.test/a", teamsWebhookUrl: "https://teams.test/b" });
    await notifyRetraining(event, { db, tableName: "t", delivery: { fetch, sleep: () => Promise.resolve() } });
    expect(bodies).toHaveLength(2);
    expect(JSON.stringify(bodies[0])).toContain(
      "Retraining recommended for fraud-t1: drift on amount, channel weighs 42 % of the model's importance (threshold 25 %).",
    );
  });

  it("logs the message when no webhook is configured", async () => {
    const lines: string[] = [];
    await notifyRetraining(event, { db: tableWith(undefined), tableName: "t", log: (line) => lines.push(line) });
    expect(lines).toEqual([expect.stringContaining("no webhook configured for t1") as unknown]);
  });

  it("throws after the bounded retries when a channel stays down, so the episode's claim is released", async () => {
    const { bodies, fetch } = receiver([503, 503, 503]);
    const db = tableWith({ slackWebhookUrl: "https://hooks.slack.test/a" });
    await expect(notifyRetraining(event, { db, tableName: "t", delivery: { fetch, sleep: () => Promise.resolve() } })).rejects.toThrow(
      /not delivered/,
    );
    expect(bodies).toHaveLength(3);
  });
});
