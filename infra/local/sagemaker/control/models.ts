import { z } from "zod";
import { arn } from "../arn";
import { validationException } from "../errors";
import type { ModelRecord } from "../state/types";
import type { ControlContext, Operation } from "./context";
import { listPage, seconds } from "./list";
import { forgetTags, putTags } from "./tags";
import { listInput, parseInput, resourceName, tagList } from "./validate";

const container = z.looseObject({
  Image: z.string().optional(),
  ModelDataUrl: z.string().optional(),
  ModelDataSource: z
    .looseObject({ S3DataSource: z.looseObject({ S3Uri: z.string(), S3DataType: z.string(), CompressionType: z.string() }) })
    .optional(),
  Environment: z.record(z.string(), z.string()).optional(),
});

const createInput = z.looseObject({
  ModelName: resourceName,
  PrimaryContainer: container.optional(),
  Containers: z.array(container).optional(),
  ExecutionRoleArn: z.string().optional(),
  Tags: tagList.optional(),
});

const nameInput = z.object({ ModelName: z.string().min(1) });

export function findModel(ctx: ControlContext, name: string): ModelRecord {
  const model = ctx.store.state.models[name];
  if (!model) throw validationException(`Could not find model "${arn("model", name)}".`);
  return model;
}

const createModel: Operation = (ctx, body) => {
  const { Tags, ...input } = parseInput(createInput, body);
  const { state } = ctx.store;
  if (state.models[input.ModelName]) throw validationException(`Cannot create already existing model "${arn("model", input.ModelName)}".`);
  if (!input.PrimaryContainer && !input.Containers?.length) {
    throw validationException("Either PrimaryContainer or Containers must be provided.");
  }
  const record: ModelRecord = { ...input, ModelArn: arn("model", input.ModelName), CreationTime: ctx.now() };
  state.models[input.ModelName] = record;
  if (Tags) putTags(state, record.ModelArn, Tags);
  ctx.store.changed();
  return { ModelArn: record.ModelArn };
};

const describeModel: Operation = (ctx, body) => {
  const model = findModel(ctx, parseInput(nameInput, body).ModelName);
  return { ...model, CreationTime: seconds(model.CreationTime) };
};

const deleteModel: Operation = (ctx, body) => {
  const model = findModel(ctx, parseInput(nameInput, body).ModelName);
  delete ctx.store.state.models[model.ModelName];
  forgetTags(ctx.store.state, model.ModelArn);
  ctx.store.changed();
  return {};
};

const listModels: Operation = (ctx, body) => {
  const options = parseInput(listInput, body ?? {});
  const { page, NextToken } = listPage({
    items: Object.values(ctx.store.state.models),
    name: (m) => m.ModelName,
    creationTime: (m) => m.CreationTime,
    sortKey: (m) => (options.SortBy === "Name" ? m.ModelName : m.CreationTime),
    options,
    defaultOrder: "Descending",
    defaultMaxResults: 10,
  });
  const Models = page.map((m) => ({ ModelName: m.ModelName, ModelArn: m.ModelArn, CreationTime: seconds(m.CreationTime) }));
  return { Models, NextToken };
};

export const modelOperations: Record<string, Operation> = {
  CreateModel: createModel,
  DescribeModel: describeModel,
  DeleteModel: deleteModel,
  ListModels: listModels,
};
