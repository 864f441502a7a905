import { z } from "zod";

/** POST /api/models/{version}/approval: the decision and why (the comment is stored as ApprovalDescription). */
export const approvalRequestSchema = z.object({
  status: z.enum(["Approved", "Rejected"]),
  // ApprovalDescription holds at most 1,024 characters (UpdateModelPackage, SageMaker API reference).
  comment: z.string().trim().min(1, "say why").max(1000),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;
