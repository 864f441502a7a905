import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { ERROR_CODES, ERROR_STATUS } from "@/lib/errors/error-codes";
import { toErrorResponse } from "./error-response";

describe("toErrorResponse", () => {
  it.each(ERROR_CODES.map((code) => [code, ERROR_STATUS[code]] as const))(
    "answers AppError %s with status %i and the one error body",
    async (code, status) => {
      const response = toErrorResponse(new AppError(code, "Explained for the caller"));
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code, message: "Explained for the caller" } });
    },
  );

  it("keeps details when given", async () => {
    const response = toErrorResponse(new AppError("conflict", "Already decided", { details: { version: 3 } }));
    expect(await response.json()).toEqual({ error: { code: "conflict", message: "Already decided", details: { version: 3 } } });
  });

  it("names the offending field of a zod error", async () => {
    const schema = z.object({ transaction: z.object({ amount: z.number() }) });
    const result = schema.safeParse({ transaction: { amount: "12" } });
    const response = toErrorResponse(result.error);
    const body = (await response.json()) as { error: { code: string; message: string; details: { issues: { field: string }[] } } };
    expect(response.status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(/^transaction\.amount: /);
    expect(body.error.details.issues).toEqual([{ field: "transaction.amount", message: expect.any(String) as string }]);
  });

  it("answers unknown errors with a generic 500 that leaks nothing, and logs them", async () => {
    const log = vi.fn();
    const secret = new Error("ResourceNotFoundException: table fraud-console-prod at 10.0.0.7");
    const response = toErrorResponse(secret, log);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: expect.any(String) as string } });
    expect(text).not.toMatch(/fraud-console-prod|10\.0\.0\.7|ResourceNotFound/);
    expect(log).toHaveBeenCalledWith(expect.any(String), secret);
  });
});
