import { describe, expect, it } from "vitest";
import { homePathFor, navSectionsFor } from "./nav-items";

const labels = (role: Parameters<typeof navSectionsFor>[0]) => navSectionsFor(role).flatMap((s) => s.items.map((i) => i.label));

describe("navigation by role", () => {
  it("shows an analyst the review queue and the dashboards' Team view", () => {
    expect(labels("analyst")).toEqual(["Review queue", "Explanations", "Dashboards"]);
    expect(navSectionsFor("analyst").map((s) => s.title)).toEqual(["Review", "Monitoring"]);
  });
  it("shows an ML engineer the queue and model operations, not administration", () => {
    expect(labels("ml_engineer")).toEqual(["Review queue", "Explanations", "Dashboards", "Drift", "Models", "Endpoints", "Rollbacks"]);
  });
  it("shows an admin everything", () => {
    expect(labels("admin")).toEqual([
      "Review queue",
      "Explanations",
      "Dashboards",
      "Drift",
      "Models",
      "Endpoints",
      "Rollbacks",
      "Settings",
      "Audit log",
    ]);
  });
  it("sends every role home to the queue first", () => {
    expect(homePathFor("analyst")).toBe("/queue");
    expect(homePathFor("admin")).toBe("/queue");
  });
});
