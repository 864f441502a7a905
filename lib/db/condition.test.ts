import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { ifConditionFails, isConditionFailed } from "./condition";

const conditionFailed = () => new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} });

describe("ifConditionFails", () => {
  it("answers the write's result when the condition holds", async () => {
    await expect(
      ifConditionFails(
        () => Promise.resolve("written"),
        () => "refused",
      ),
    ).resolves.toBe("written");
  });

  it("answers onFailed's value when the condition fails", async () => {
    await expect(
      ifConditionFails(
        () => Promise.reject(conditionFailed()),
        () => false,
      ),
    ).resolves.toBe(false);
  });

  it("lets onFailed throw the conflict that says why", async () => {
    const write = ifConditionFails(
      () => Promise.reject(conditionFailed()),
      () => {
        throw new AppError("conflict", "changed by someone else");
      },
    );
    await expect(write).rejects.toMatchObject({ code: "conflict", message: "changed by someone else" });
  });

  it("passes any other error through", async () => {
    const throttled = Object.assign(new Error("slow down"), { name: "ProvisionedThroughputExceededException" });
    await expect(
      ifConditionFails(
        () => Promise.reject(throttled),
        () => false,
      ),
    ).rejects.toBe(throttled);
  });

  it("recognises the SDK's error and look-alikes by name, nothing else", () => {
    expect(isConditionFailed(conditionFailed())).toBe(true);
    expect(isConditionFailed(Object.assign(new Error("x"), { name: "ConditionalCheckFailedException" }))).toBe(true);
    expect(isConditionFailed(new Error("ConditionalCheckFailedException"))).toBe(false);
    expect(isConditionFailed({ name: "ConditionalCheckFailedException" })).toBe(false);
  });
});
