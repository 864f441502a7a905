import { z } from "zod";
import { arn } from "../arn";
import { validationException } from "../errors";
import type { EndpointConfigRecord } from "../state/types";
import type { ControlContext, Operation } from "./context";
import { listPage, seconds } from "./list";
import { findModel } from "./models";
import { forgetTags, putTags } from "./tags";
import { listInput, parseInput, resourceName, tagList } from "./validate";

const productionVariant = z.looseObject({
  VariantName: resourceName,
  ModelName: z.string().min(1),
  InitialInstanceCount: z.number().int().min(1).optional(),
  InstanceType: z.string().optional(),
  InitialVariantWeight: z.number().min(0).optional(),
});

const dataCaptureConfig = z.looseObject({
  EnableCapture: z.boolean().optional(),
  InitialSamplingPercentage: z.number().int().min(0).max(100),
  DestinationS3Uri: z.string().regex(/^s3:\/\/[^/]+/, "Member must satisfy regular expression pattern: ^(https|s3)://([^/])/?(.*)$"),
  CaptureOptions: z.array(z.object({ CaptureMode: z.enum(["Input", "Output", "InputAndOutput"]) })).min(1),
  CaptureContentTypeHeader: z
    .object({ CsvContentTypes: z.array(z.string()).optional(), JsonContentTypes: z.array(z.string()).optional() })
    .optional(),
});

const explainerConfig = z.looseObject({
  ClarifyExplainerConfig: z
    .looseObject({
      EnableExplanations: z.string().optional(),
      InferenceConfig: z
        .looseObject({ FeatureHeaders: z.array(z.string()).optional(), FeatureTypes: z.array(z.string()).optional() })
        .optional(),
      // ClarifyShapConfig: ShapBaselineConfig is required, and in it exactly one of ShapBaseline
      // (inline, at most 4096 characters) or ShapBaselineUri (SageMaker API reference).
      ShapConfig: z.looseObject({
        ShapBaselineConfig: z
          .looseObject({
            MimeType: z.enum(["text/csv", "application/jsonlines"]).optional(),
            ShapBaseline: z.string().min(1).max(4096).optional(),
            ShapBaselineUri: z
              .string()
              .regex(/^s3:\/\/[^/]+\/.+/, "Member must satisfy regular expression pattern: ^(https|s3)://([^/]+)/?(.*)$")
              .optional(),
          })
          .refine((b) => (b.ShapBaseline === undefined) !== (b.ShapBaselineUri === undefined), {
            message: "Exactly one of ShapBaseline and ShapBaselineUri must be provided.",
          }),
        NumberOfSamples: z.number().int().min(1).optional(),
        UseLogit: z.boolean().optional(),
        Seed: z.number().int().optional(),
      }),
    })
    .optional(),
});

const createInput = z.looseObject({
  EndpointConfigName: resourceName,
  ProductionVariants: z.array(productionVariant).min(1).max(10),
  ShadowProductionVariants: z.array(productionVariant).min(1).max(10).optional(),
  DataCaptureConfig: dataCaptureConfig.optional(),
  ExplainerConfig: explainerConfig.optional(),
  Tags: tagList.optional(),
});

const nameInput = z.object({ EndpointConfigName: z.string().min(1) });

export function findEndpointConfig(ctx: ControlContext, name: string): EndpointConfigRecord {
  const config = ctx.store.state.endpointConfigs[name];
  if (!config) throw validationException(`Could not find endpoint configuration "${arn("endpoint-config", name)}".`);
  return config;
}

const createEndpointConfig: Operation = (ctx, body) => {
  const { Tags, ...input } = parseInput(createInput, body);
  const { state } = ctx.store;
  const name = input.EndpointConfigName;
  if (state.endpointConfigs[name])
    throw validationException(`Cannot create already existing endpoint configuration "${arn("endpoint-config", name)}".`);
  const shadows = input.ShadowProductionVariants ?? [];
  // "If you use this field, you can only specify one variant for ProductionVariants and one variant
  // for ShadowProductionVariants" (CreateEndpointConfig API reference).
  if (shadows.length > 0 && (input.ProductionVariants.length !== 1 || shadows.length !== 1)) {
    throw validationException(
      "When ShadowProductionVariants is specified, ProductionVariants and ShadowProductionVariants must each have exactly one variant.",
    );
  }
  const names = [...input.ProductionVariants, ...shadows].map((v) => v.VariantName);
  if (new Set(names).size !== names.length) throw validationException("VariantName must be unique within an endpoint configuration.");
  for (const variant of [...input.ProductionVariants, ...shadows]) findModel(ctx, variant.ModelName);
  const record: EndpointConfigRecord = {
    ...input,
    ProductionVariants: input.ProductionVariants.map((v) => ({ ...v, InitialVariantWeight: v.InitialVariantWeight ?? 1 })),
    ShadowProductionVariants: input.ShadowProductionVariants?.map((v) => ({ ...v, InitialVariantWeight: v.InitialVariantWeight ?? 1 })),
    EndpointConfigArn: arn("endpoint-config", name),
    CreationTime: ctx.now(),
  };
  state.endpointConfigs[name] = record;
  if (Tags) putTags(state, record.EndpointConfigArn, Tags);
  ctx.store.changed();
  return { EndpointConfigArn: record.EndpointConfigArn };
};

const describeEndpointConfig: Operation = (ctx, body) => {
  const config = findEndpointConfig(ctx, parseInput(nameInput, body).EndpointConfigName);
  return { ...config, CreationTime: seconds(config.CreationTime) };
};

// AWS lets a config be deleted while an endpoint uses it; the endpoint keeps its own snapshot.
const deleteEndpointConfig: Operation = (ctx, body) => {
  const config = findEndpointConfig(ctx, parseInput(nameInput, body).EndpointConfigName);
  delete ctx.store.state.endpointConfigs[config.EndpointConfigName];
  forgetTags(ctx.store.state, config.EndpointConfigArn);
  ctx.store.changed();
  return {};
};

const listEndpointConfigs: Operation = (ctx, body) => {
  const options = parseInput(listInput, body ?? {});
  const { page, NextToken } = listPage({
    items: Object.values(ctx.store.state.endpointConfigs),
    name: (c) => c.EndpointConfigName,
    creationTime: (c) => c.CreationTime,
    sortKey: (c) => (options.SortBy === "Name" ? c.EndpointConfigName : c.CreationTime),
    options,
    defaultOrder: "Descending",
    defaultMaxResults: 10,
  });
  const EndpointConfigs = page.map((c) => ({
    EndpointConfigName: c.EndpointConfigName,
    EndpointConfigArn: c.EndpointConfigArn,
    CreationTime: seconds(c.CreationTime),
  }));
  return { EndpointConfigs, NextToken };
};

export const endpointConfigOperations: Record<string, Operation> = {
  CreateEndpointConfig: createEndpointConfig,
  DescribeEndpointConfig: describeEndpointConfig,
  DeleteEndpointConfig: deleteEndpointConfig,
  ListEndpointConfigs: listEndpointConfigs,
};
