import type { ApprovalStatus } from "@/lib/models/approval";

/**
 * The seeded registry's story (who approved what, when and why), one consistent tale with the
 * seeded deployments and rollbacks (brief "Contracts"): no version serving traffic is one the gates
 * refuse, and each tenant's v3 — the rushed retrain on immature labels — waits for approval so the
 * demo shows the champion gate refusing it while the seeds' ROC-AUC ≥ 0.7 gate would pass it.
 *
 * - acme-bank: v1 production until 2026-10-20; v2 approved 2026-10-19, canary from 2026-10-20,
 *   promoted to 100% on 2026-10-28; v3 PendingManualApproval (PR-AUC 0.537 vs v2's 0.862).
 * - globex-pay: v1 production; v2 approved 2026-11-09, its 10% canary waits for promotion;
 *   v3 PendingManualApproval (PR-AUC 0.528 vs v1's 0.767).
 */
export interface StoryApproval {
  status: Exclude<ApprovalStatus, "PendingManualApproval">;
  by: string;
  at: string;
  comment: string;
}

export const REGISTRY_STORY: Readonly<Record<string, Readonly<Record<number, StoryApproval | null>>>> = {
  "acme-bank-fraud": {
    1: {
      status: "Approved",
      by: "mlops@acme-bank.test",
      at: "2026-09-02T09:30:00.000Z",
      comment: "Baseline: ROC-AUC 0.943 on the out-of-time test split (minimum 0.7); first production model.",
    },
    2: {
      status: "Approved",
      by: "mlops@acme-bank.test",
      at: "2026-10-19T14:05:00.000Z",
      comment: "Beats production v1 on the same held-out split: PR-AUC 0.862 vs 0.788, recall at 80% precision 0.826 vs 0.732.",
    },
    3: null,
  },
  "globex-pay-fraud": {
    1: {
      status: "Approved",
      by: "mlops@globex-pay.test",
      at: "2026-09-02T10:10:00.000Z",
      comment: "Baseline: ROC-AUC 0.936 on the out-of-time test split (minimum 0.7); first production model.",
    },
    2: {
      status: "Approved",
      by: "mlops@globex-pay.test",
      at: "2026-11-09T16:40:00.000Z",
      comment: "Beats production v1 on the same held-out split: PR-AUC 0.807 vs 0.767, recall at 80% precision 0.736 vs 0.699.",
    },
    3: null,
  },
};
