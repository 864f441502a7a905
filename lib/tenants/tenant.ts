import { z } from "zod";

/** A tenant: one bank or payment company, with its own SageMaker endpoint and model package group. */
export const tenantSchema = z.object({
  tenantId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and dashes"),
  name: z.string().min(1),
  endpointName: z.string().min(1),
  modelPackageGroupName: z.string().min(1),
  createdAt: z.string(),
});

export type Tenant = z.infer<typeof tenantSchema>;
