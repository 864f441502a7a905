import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startCloudWatchEmulator, type RunningService } from "./server";

/**
 * Starts an emulator in a temp dir and points the SDK's standard variables at it. Must run before
 * the first `cloudWatchClient()` call: that client is a lazy singleton bound to the endpoint then.
 */
export async function startForSdk(): Promise<{
  service: RunningService;
  dataDir: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "cloudwatch-emulator-"));
  let service = await startCloudWatchEmulator({ port: 0, dataDir });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_CLOUDWATCH: service.url,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  });
  const handle = {
    get service() {
      return service;
    },
    dataDir,
    // Same port, so the singleton client's endpoint stays valid across the restart.
    async restart() {
      await service.close();
      service = await startCloudWatchEmulator({ port: service.port, dataDir });
    },
    async stop() {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** An hour-aligned base time two hours ago: inside the 2-week window and clear of "now". */
export function baseTime(): number {
  return Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
}
