import type { QueueStoreDeps } from "@/lib/queue/deps";

export type FeedbackDeps = QueueStoreDeps;
