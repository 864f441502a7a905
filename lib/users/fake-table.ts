import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import type { StoreDeps } from "@/lib/db/store";

type Item = Record<string, unknown>;
interface Command {
  constructor: { name: string };
  input: Record<string, unknown>;
}

/**
 * A stand-in for the document client with just the behaviour lib/users relies on: conditional
 * put on attribute_not_exists(PK) and a GSI1 query by (GSI1PK, GSI1SK). Tests only.
 */
export function fakeUserTable(): { deps: Required<Pick<StoreDeps, "db" | "tableName">>; items: Item[] } {
  const items: Item[] = [];
  const send = (command: Command): Promise<unknown> => {
    const input = command.input;
    if (command.constructor.name === "PutCommand") {
      const item = input.Item as Item;
      if (items.some((i) => i.PK === item.PK && i.SK === item.SK)) {
        return Promise.reject(new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} }));
      }
      items.push(item);
      return Promise.resolve({});
    }
    if (command.constructor.name === "QueryCommand") {
      const values = input.ExpressionAttributeValues as Record<string, unknown>;
      const matches = items.filter((i) => i.GSI1PK === values[":pk"] && i.GSI1SK === values[":sk"]);
      return Promise.resolve({ Items: matches.slice(0, Number(input.Limit ?? matches.length)) });
    }
    return Promise.reject(new Error(`fake table: unexpected ${command.constructor.name}`));
  };
  return { deps: { db: { send }, tableName: "test" }, items };
}
