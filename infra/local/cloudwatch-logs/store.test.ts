import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LogStore } from "./store";

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("LogStore", () => {
  it("replays groups, streams and events from its journal after a restart, skipping a line torn by a crash", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "logs-store-"));
    const first = await LogStore.open(dir);
    await first.createGroup("/g", 1);
    await first.createStream("/g", "s", 2);
    await first.putEvents("/g", "s", [
      { timestamp: 10, message: "a", ingestionTime: 20 },
      { timestamp: 11, message: "b", ingestionTime: 20 },
    ]);
    await appendFile(path.join(dir, "journal.jsonl"), '{"op":"events","group":"/g","str');

    const again = await LogStore.open(dir);
    const stream = again.group("/g")?.streams.get("s");
    expect(stream).toMatchObject({ creationTime: 2, lastIngestionTime: 20 });
    expect(stream?.events.map((e) => e.message)).toEqual(["a", "b"]);
  });

  it("keeps a stream in timestamp order when a later batch holds earlier events (parallel writers)", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "logs-store-"));
    const store = await LogStore.open(dir);
    await store.createGroup("/g", 1);
    await store.createStream("/g", "s", 1);
    await store.putEvents("/g", "s", [
      { timestamp: 10, message: "10", ingestionTime: 1 },
      { timestamp: 30, message: "30", ingestionTime: 1 },
    ]);
    await store.putEvents("/g", "s", [
      { timestamp: 20, message: "20", ingestionTime: 2 },
      { timestamp: 30, message: "30 again", ingestionTime: 2 },
    ]);
    expect(
      store
        .group("/g")
        ?.streams.get("s")
        ?.events.map((e) => e.message),
    ).toEqual(["10", "20", "30", "30 again"]);
  });
});
