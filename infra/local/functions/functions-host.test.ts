import { afterEach, describe, expect, it } from "vitest";
import { parseRate, Scheduler } from "./scheduler";
import { startFunctionsHost, type FunctionsHost } from "./server";
import type { ScheduleDefinition } from "./types";

describe("parseRate (EventBridge rate expressions)", () => {
  it.each([
    ["rate(1 minute)", 60_000],
    ["rate(5 minutes)", 300_000],
    ["rate(1 hour)", 3_600_000],
    ["rate(2 days)", 172_800_000],
  ])("%s → %d ms", (expression, ms) => {
    expect(parseRate(expression)).toBe(ms);
  });

  // Singular for 1, plural otherwise; no seconds, no zero (EventBridge user guide, "Rate expressions").
  it.each(["rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(30 seconds)", "cron(0 * * * ? *)"])("refuses %s", (expression) => {
    expect(() => parseRate(expression)).toThrow("expected rate(");
  });
});

describe("Scheduler", () => {
  const hourly: ScheduleDefinition = { name: "drift", expression: "rate(1 hour)", functionName: "drift" };
  it("fires a rate once per interval from its start, and once after a long pause", () => {
    const scheduler = new Scheduler([hourly], () => undefined, 0);
    const at = (h: number) => scheduler.due(h * 3_600_000).map((s) => s.name);
    expect([at(0.5), at(1), at(1.5), at(2), at(7.2), at(7.9), at(8)]).toEqual([[], ["drift"], [], ["drift"], ["drift"], [], ["drift"]]);
  });
});

describe("functions host (Lambda Invoke API)", () => {
  let host: FunctionsHost | undefined;
  afterEach(async () => {
    await host?.close();
  });

  const start = async (handler: (event: unknown) => unknown) => {
    const seen: unknown[] = [];
    host = await startFunctionsHost({
      port: 0,
      functions: [{ name: "fn", load: () => Promise.resolve((event: unknown) => (seen.push(event), handler(event))) }],
      schedules: [{ name: "every-hour", expression: "rate(1 hour)", functionName: "fn" }],
      runSchedules: false,
      retryDelaysMs: [0, 0],
      log: () => undefined,
    });
    return seen;
  };
  const invoke = (type: string, body: unknown, name = "fn") =>
    fetch(`${host!.url}/2015-03-31/functions/${name}/invocations`, {
      method: "POST",
      headers: { "x-amz-invocation-type": type },
      body: JSON.stringify(body),
    });

  it("answers RequestResponse with the handler's result, and Event with 202 before it runs", async () => {
    const seen = await start((event) => ({ echoed: event }));
    const sync = await invoke("RequestResponse", { a: 1 });
    expect([sync.status, await sync.json()]).toEqual([200, { echoed: { a: 1 } }]);
    const async = await invoke("Event", { b: 2 });
    expect(async.status).toBe(202);
    await host!.settled();
    expect(seen).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("reports a function error as Lambda does: 200 with X-Amz-Function-Error, and retries an Event twice", async () => {
    const seen = await start(() => {
      throw new TypeError("boom");
    });
    const sync = await invoke("RequestResponse", {});
    expect([sync.status, sync.headers.get("x-amz-function-error"), ((await sync.json()) as { errorType: string }).errorType]).toEqual([
      200,
      "Unhandled",
      "TypeError",
    ]);
    await invoke("Event", { retry: true });
    await host!.settled();
    expect(seen.filter((e) => (e as { retry?: boolean }).retry)).toHaveLength(3);
  });

  it("answers an unknown function with 404 ResourceNotFoundException", async () => {
    await start(() => null);
    const response = await invoke("RequestResponse", {}, "ghost");
    expect([response.status, response.headers.get("x-amzn-errortype")]).toEqual([404, "ResourceNotFoundException"]);
  });

  it("runs a schedule on demand with an EventBridge Scheduled Event", async () => {
    const seen = await start(() => "done");
    const response = await fetch(`${host!.url}/_functions/schedules/every-hour/run`, { method: "POST" });
    expect(await response.json()).toEqual({ result: "done" });
    expect(seen[0]).toMatchObject({
      "detail-type": "Scheduled Event",
      source: "aws.events",
      resources: [expect.stringMatching(/:rule\/every-hour$/)],
    });
  });
});
