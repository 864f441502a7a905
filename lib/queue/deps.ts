import type { StoreDeps } from "@/lib/db/store";
import type { RetryOptions } from "./with-retries";

/** lib/queue's dependencies: the store's, plus how its writes are retried (tests shorten the back-off). */
export interface QueueStoreDeps extends StoreDeps {
  retry?: RetryOptions;
}
