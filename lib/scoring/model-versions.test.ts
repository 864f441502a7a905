import { describe, expect, it, vi } from "vitest";
import { deploymentChanged } from "@/lib/deployments/deployment-changes";
import { createModelVersionResolver, VERSIONS_TTL_MS } from "./model-versions";

describe("createModelVersionResolver", () => {
  it("answers from the cache after warming, and refreshes in the background when stale", async () => {
    let clock = 0;
    const describeVersions = vi.fn().mockResolvedValue(
      new Map([
        ["production", "2"],
        ["canary", "3"],
      ]),
    );
    const resolver = createModelVersionResolver({ describe: describeVersions, now: () => clock });
    await resolver.warm("fraud-acme-bank");
    expect(resolver.versionOf("fraud-acme-bank", "canary")).toBe("3");
    expect(describeVersions).toHaveBeenCalledTimes(1);
    clock = VERSIONS_TTL_MS + 1;
    describeVersions.mockResolvedValue(new Map([["production", "3"]]));
    expect(resolver.versionOf("fraud-acme-bank", "production")).toBe("2"); // stale answer now, fresh soon
    await resolver.warm("fraud-acme-bank");
    await new Promise((r) => setImmediate(r));
    expect(resolver.versionOf("fraud-acme-bank", "production")).toBe("3");
  });

  it("answers null and survives when the control plane fails", async () => {
    const onError = vi.fn();
    const resolver = createModelVersionResolver({ describe: () => Promise.reject(new Error("down")), onError });
    await resolver.warm("fraud-x");
    expect(resolver.versionOf("fraud-x", "production")).toBeNull();
    expect(onError).toHaveBeenCalled();
  });

  it("forgets an endpoint's versions when its deployment changes in this process, and asks with its tenant", async () => {
    const describeVersions = vi.fn().mockResolvedValue(new Map([["canary", "3"]]));
    const resolver = createModelVersionResolver({ describe: describeVersions, now: () => 0 });
    await resolver.warm("fraud-acme-bank", "acme-bank");
    expect(describeVersions).toHaveBeenLastCalledWith("fraud-acme-bank", "acme-bank");
    describeVersions.mockResolvedValue(new Map([["canary", "4"]]));
    deploymentChanged({ tenantId: "acme-bank", endpointName: "fraud-acme-bank" });
    await resolver.warm("fraud-acme-bank", "acme-bank");
    expect(resolver.versionOf("fraud-acme-bank", "canary")).toBe("4");
    expect(describeVersions).toHaveBeenCalledTimes(2);
  });
});
