import { createHash, randomBytes } from "node:crypto";

/**
 * Tenant API keys for the scoring API. Only a SHA-256 hash is stored: a key has 256 bits of
 * randomness, so a fast hash is enough (no need for a slow password hash) and look-ups stay O(1).
 */
export const API_KEY_PREFIX = "fc_live_";

export interface ApiKeyRecord {
  keyId: string;
  tenantId: string;
  name: string;
  /** The first characters of the key, shown in the console so admins can tell keys apart. */
  displayPrefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

export function generateApiKey(): { keyId: string; plaintext: string } {
  return { keyId: randomBytes(6).toString("hex"), plaintext: API_KEY_PREFIX + randomBytes(32).toString("base64url") };
}

export function hashApiKey(plaintext: string): string {
  return createHash("sha256").update(plaintext).digest("hex");
}
