import { z } from "zod";
import { validationException } from "../errors";
import type { EmulatorState, Json } from "../state/types";
import type { ControlContext, Operation } from "./context";
import { parseInput, tagList } from "./validate";

/** Tags of every taggable resource, keyed by lower-cased ARN (ARNs are case-insensitive here). */
export function putTags(state: EmulatorState, resourceArn: string, tags: readonly { Key: string; Value: string }[]): void {
  const key = resourceArn.toLowerCase();
  const current = state.tags[key] ?? [];
  for (const tag of tags) {
    const at = current.findIndex((t) => t.Key === tag.Key);
    if (at >= 0) current[at] = { Key: tag.Key, Value: tag.Value };
    else current.push({ Key: tag.Key, Value: tag.Value });
  }
  state.tags[key] = current;
}

function resourceExists(state: EmulatorState, resourceArn: string): boolean {
  const key = resourceArn.toLowerCase();
  const arns = [
    ...Object.values(state.models).map((r) => r.ModelArn),
    ...Object.values(state.endpointConfigs).map((r) => r.EndpointConfigArn),
    ...Object.values(state.endpoints).map((r) => r.EndpointArn),
    ...Object.values(state.modelPackageGroups).map((r) => r.ModelPackageGroupArn),
    ...Object.keys(state.modelPackages),
    ...Object.values(state.trainingJobs).map((r) => r.TrainingJobArn),
  ];
  return arns.some((a) => a.toLowerCase() === key);
}

function requireResource(ctx: ControlContext, resourceArn: string): void {
  if (!resourceExists(ctx.store.state, resourceArn)) throw validationException(`Resource ${resourceArn} does not exist.`);
}

const addTagsInput = z.object({ ResourceArn: z.string().min(1), Tags: tagList });
const listTagsInput = z.object({ ResourceArn: z.string().min(1), NextToken: z.string().optional(), MaxResults: z.number().optional() });
const deleteTagsInput = z.object({ ResourceArn: z.string().min(1), TagKeys: z.array(z.string()).min(1) });

const addTags: Operation = (ctx, body) => {
  const input = parseInput(addTagsInput, body);
  requireResource(ctx, input.ResourceArn);
  putTags(ctx.store.state, input.ResourceArn, input.Tags);
  ctx.store.changed();
  return { Tags: input.Tags };
};

const listTags: Operation = (ctx, body): Json => {
  const input = parseInput(listTagsInput, body);
  requireResource(ctx, input.ResourceArn);
  return { Tags: ctx.store.state.tags[input.ResourceArn.toLowerCase()] ?? [] };
};

const deleteTags: Operation = (ctx, body) => {
  const input = parseInput(deleteTagsInput, body);
  requireResource(ctx, input.ResourceArn);
  const key = input.ResourceArn.toLowerCase();
  const remaining = (ctx.store.state.tags[key] ?? []).filter((t) => !input.TagKeys.includes(t.Key));
  ctx.store.state.tags[key] = remaining;
  ctx.store.changed();
  return {};
};

export function forgetTags(state: EmulatorState, resourceArn: string): void {
  delete state.tags[resourceArn.toLowerCase()];
}

export const tagOperations: Record<string, Operation> = { AddTags: addTags, ListTags: listTags, DeleteTags: deleteTags };
