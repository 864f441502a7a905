import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./queue-cursor";

const shape = { indexPk: "TENANT#a#QUEUE#open", pkAttr: "GSI2PK", skAttr: "GSI2SK", itemPkPrefix: "TENANT#a#TXN#" };
const key = { PK: "TENANT#a#TXN#t1", SK: "QUEUE", GSI2PK: "TENANT#a#QUEUE#open", GSI2SK: "0990000#t1" };

describe("queue cursor", () => {
  it("round-trips a key of the expected view", () => {
    expect(decodeCursor(encodeCursor(key), shape)).toEqual(key);
  });
  it.each([
    ["another tenant", { ...key, PK: "TENANT#b#TXN#t1", GSI2PK: "TENANT#b#QUEUE#open" }],
    ["another status", { ...key, GSI2PK: "TENANT#a#QUEUE#confirmed_fraud" }],
    ["another index", { PK: key.PK, SK: key.SK, GSI1PK: key.GSI2PK, GSI1SK: "x" }],
    ["an item of another tenant in this view", { ...key, PK: "TENANT#b#TXN#t1" }],
    ["extra attributes", { ...key, extra: "x" }],
  ])("refuses a cursor of %s", (_, bad) => {
    expect(() => decodeCursor(encodeCursor(bad), shape)).toThrow("cursor: not a cursor of this queue view");
  });
  it("refuses garbage", () => {
    expect(() => decodeCursor("not-base64-json", shape)).toThrow("cursor");
  });
});
