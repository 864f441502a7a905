import { describe, expect, it } from "vitest";
import { DEFAULT_TENANT_SETTINGS, tenantSettingsSchema } from "@/lib/settings/tenant-settings";
import { fieldErrorsFromDetails, validate } from "./field-errors";

describe("settings form validation", () => {
  it("names the fields the shared schema refuses", () => {
    const result = validate(tenantSettingsSchema, {
      ...DEFAULT_TENANT_SETTINGS,
      thresholds: { review: 0.9, suspicious: 0.2 },
      timeoutBudgetMs: 5,
    });
    expect(result.errors).toMatchObject({
      "thresholds.suspicious": "must be at least the review threshold",
      timeoutBudgetMs: expect.any(String) as string,
    });
  });
  it("reads the server's 400 issues, without the body's settings. prefix", () => {
    expect(
      fieldErrorsFromDetails({
        issues: [
          { field: "settings.rules.0.value", message: "Invalid input" },
          { field: "reason", message: "Too long" },
        ],
      }),
    ).toEqual({
      "rules.0.value": "Invalid input",
      reason: "Too long",
    });
    expect(fieldErrorsFromDetails(undefined)).toEqual({});
  });
});
