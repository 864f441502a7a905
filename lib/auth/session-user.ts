import { z } from "zod";
import { roleSchema } from "./roles";

/**
 * What a signed-in session carries. `id` is the user's e-mail (unique across tenants); the tenant
 * comes only from here, never from a URL or body.
 */
export const sessionUserSchema = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  name: z.string(),
  tenantId: z.string().min(1),
  role: roleSchema,
});

export type SessionUser = z.infer<typeof sessionUserSchema>;
