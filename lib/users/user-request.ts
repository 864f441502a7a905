import { z } from "zod";

/** PATCH /api/users/{userId}: enable or disable, and why (recorded in the audit log). Shared with the browser. */
export const updateUserRequestSchema = z.object({
  enabled: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** A user id in a URL is the user's e-mail. */
export const userIdSchema = z.email("not a user id (the user's e-mail)").max(320);
