import { describe, expect, it } from "vitest";
import { endpointFolder, parseCaptureKey, parseDestination, windowFolders } from "./capture-layout";

describe("capture layout", () => {
  it("parses a DestinationS3Uri with and without a prefix", () => {
    expect(parseDestination("s3://capture/datacapture/")).toEqual({ bucket: "capture", prefix: "datacapture" });
    expect(parseDestination("s3://capture")).toEqual({ bucket: "capture", prefix: "" });
    expect(parseDestination("https://capture")).toBeNull();
    expect(endpointFolder({ bucket: "b", prefix: "" }, "e")).toBe("e/");
  });

  it("covers a window with hour folders at its ends and day folders inside", () => {
    expect(windowFolders(new Date("2026-11-30T22:30:00Z"), new Date("2026-12-03T01:00:00Z"))).toEqual([
      "2026/11/30/22/",
      "2026/11/30/23/",
      "2026/12/01/",
      "2026/12/02/",
      "2026/12/03/00/",
    ]);
  });

  it("lists one hour for an hour's window and nothing for an empty one", () => {
    expect(windowFolders(new Date("2026-12-01T10:00:00Z"), new Date("2026-12-01T11:00:00Z"))).toEqual(["2026/12/01/10/"]);
    expect(windowFolders(new Date("2026-12-01T10:00:00Z"), new Date("2026-12-01T10:00:00Z"))).toEqual([]);
  });

  it("reads the variant and hour of a key SageMaker wrote, and nothing else", () => {
    const folder = "datacapture/fraud-acme-bank/";
    expect(parseCaptureKey(folder, `${folder}canary/2026/12/01/09/59-41-406-d7fc6d1a.jsonl`)).toEqual({
      variant: "canary",
      hour: new Date("2026-12-01T09:00:00Z"),
    });
    expect(parseCaptureKey(folder, `${folder}canary/2026/12/01/09/notes.txt`)).toBeNull();
    expect(parseCaptureKey(folder, "datacapture/other/canary/2026/12/01/09/a.jsonl")).toBeNull();
  });
});
