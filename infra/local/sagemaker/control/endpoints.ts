import { z } from "zod";
import { arn } from "../arn";
import { ApiError, validationException } from "../errors";
import { CONTROL_PLANE_ERRORS } from "../runtime/faults";
import type { DeployedVariant, Deployment, EndpointConfigRecord, EndpointRecord } from "../state/types";
import type { ControlContext, Operation } from "./context";
import { findEndpointConfig } from "./endpoint-configs";
import { describeEndpointView } from "./endpoint-view";
import { listPage, seconds } from "./list";
import { findModel } from "./models";
import { putTags } from "./tags";
import { listInput, parseInput, resourceName, tagList } from "./validate";

const createInput = z.object({ EndpointName: resourceName, EndpointConfigName: z.string().min(1), Tags: tagList.optional() });
const nameInput = z.object({ EndpointName: z.string().min(1) });
const updateInput = z.looseObject({
  EndpointName: z.string().min(1),
  EndpointConfigName: z.string().min(1),
  RetainAllVariantProperties: z.boolean().optional(),
});
const weightsInput = z.object({
  EndpointName: z.string().min(1),
  DesiredWeightsAndCapacities: z
    .array(
      z.object({
        VariantName: z.string().min(1),
        DesiredWeight: z.number().min(0).optional(),
        DesiredInstanceCount: z.number().int().min(0).optional(),
      }),
    )
    .min(1),
});

export function findEndpoint(ctx: ControlContext, name: string): EndpointRecord {
  const endpoint = ctx.store.state.endpoints[name];
  if (!endpoint) throw validationException(`Could not find endpoint "${arn("endpoint", name)}".`);
  return endpoint;
}

/** Snapshot of a config as an endpoint will run it; `retainFrom` keeps the weights of same-named variants. */
function deploymentOf(ctx: ControlContext, config: EndpointConfigRecord, retainFrom?: Deployment): Deployment {
  const deployed = (spec: EndpointConfigRecord["ProductionVariants"][number], retained: DeployedVariant | undefined): DeployedVariant => {
    const model = findModel(ctx, spec.ModelName);
    const weight = retained?.CurrentWeight ?? spec.InitialVariantWeight ?? 1;
    const count = retained?.CurrentInstanceCount ?? spec.InitialInstanceCount ?? 1;
    return {
      VariantName: spec.VariantName,
      ModelName: spec.ModelName,
      container: model.PrimaryContainer ?? model.Containers?.[0] ?? {},
      CurrentWeight: weight,
      DesiredWeight: weight,
      CurrentInstanceCount: count,
      DesiredInstanceCount: count,
      deployedAt: ctx.now(),
    };
  };
  const retainedOf = (name: string) => retainFrom?.variants.find((v) => v.VariantName === name);
  return {
    EndpointConfigName: config.EndpointConfigName,
    variants: config.ProductionVariants.map((spec) => deployed(spec, retainedOf(spec.VariantName))),
    shadowVariants: (config.ShadowProductionVariants ?? []).map((spec) => deployed(spec, undefined)),
    DataCaptureConfig: config.DataCaptureConfig,
    ExplainerConfig: config.ExplainerConfig,
  };
}

const createEndpoint: Operation = (ctx, body) => {
  const input = parseInput(createInput, body);
  const { state } = ctx.store;
  const endpointArn = arn("endpoint", input.EndpointName);
  if (state.endpoints[input.EndpointName]) throw validationException(`Cannot create already existing endpoint "${endpointArn}".`);
  const deployment = deploymentOf(ctx, findEndpointConfig(ctx, input.EndpointConfigName));
  const now = ctx.now();
  const endpoint: EndpointRecord = {
    EndpointName: input.EndpointName,
    EndpointArn: endpointArn,
    EndpointStatus: "Creating",
    EndpointConfigName: input.EndpointConfigName,
    CreationTime: now,
    LastModifiedTime: now,
    pending: { kind: "deploy", deployment, startedAt: now },
  };
  state.endpoints[input.EndpointName] = endpoint;
  if (input.Tags) putTags(state, endpointArn, input.Tags);
  ctx.store.changed();
  ctx.deployments.start(endpoint);
  return { EndpointArn: endpointArn };
};

/** An injected control-plane fault (/_emulator/faults mode "control-plane") answers before anything else. */
function failIfFaulted(ctx: ControlContext, endpointName: string): void {
  const fault = ctx.faults?.controlPlane(endpointName);
  if (!fault) return;
  const code = fault.errorCode ?? "InternalFailure";
  throw new ApiError(code, CONTROL_PLANE_ERRORS[code].status, CONTROL_PLANE_ERRORS[code].message);
}

function requireUpdatable(endpoint: EndpointRecord): void {
  if (endpoint.EndpointStatus === "InService") return;
  if (endpoint.EndpointStatus === "Deleting") {
    throw validationException(`Cannot update endpoint "${endpoint.EndpointArn}" because it is in Deleting state.`);
  }
  if (endpoint.EndpointStatus === "Failed") {
    throw validationException(`Cannot update endpoint "${endpoint.EndpointArn}" because it is in Failed state.`);
  }
  throw validationException(`Cannot update in-progress endpoint "${endpoint.EndpointArn}".`);
}

const updateEndpoint: Operation = (ctx, body) => {
  const input = parseInput(updateInput, body);
  failIfFaulted(ctx, input.EndpointName);
  const endpoint = findEndpoint(ctx, input.EndpointName);
  requireUpdatable(endpoint);
  const config = findEndpointConfig(ctx, input.EndpointConfigName);
  const deployment = deploymentOf(ctx, config, input.RetainAllVariantProperties ? endpoint.live : undefined);
  const now = ctx.now();
  Object.assign(endpoint, { EndpointStatus: "Updating", FailureReason: undefined, LastModifiedTime: now });
  endpoint.pending = { kind: "deploy", deployment, startedAt: now };
  ctx.store.changed();
  ctx.deployments.start(endpoint);
  return { EndpointArn: endpoint.EndpointArn };
};

const updateWeights: Operation = (ctx, body) => {
  const input = parseInput(weightsInput, body);
  failIfFaulted(ctx, input.EndpointName);
  const endpoint = findEndpoint(ctx, input.EndpointName);
  requireUpdatable(endpoint);
  const live = endpoint.live!;
  const unknown = input.DesiredWeightsAndCapacities.filter((d) => !live.variants.some((v) => v.VariantName === d.VariantName));
  if (unknown.length > 0) {
    const names = unknown.map((d) => d.VariantName).join(", ");
    throw validationException(`The variant name(s) [${names}] is/are not present in the endpoint "${endpoint.EndpointArn}".`);
  }
  const desiredOf = (name: string) => input.DesiredWeightsAndCapacities.find((d) => d.VariantName === name);
  const weights = live.variants.map((v) => desiredOf(v.VariantName)?.DesiredWeight ?? v.DesiredWeight);
  if (weights.every((w) => w === 0)) throw validationException("The sum of the variant weights must be greater than 0.");
  for (const variant of live.variants) {
    const desired = desiredOf(variant.VariantName);
    variant.DesiredWeight = desired?.DesiredWeight ?? variant.DesiredWeight;
    variant.DesiredInstanceCount = desired?.DesiredInstanceCount ?? variant.DesiredInstanceCount;
  }
  const now = ctx.now();
  Object.assign(endpoint, { EndpointStatus: "Updating", FailureReason: undefined, LastModifiedTime: now });
  endpoint.pending = { kind: "weights", startedAt: now };
  ctx.store.changed();
  ctx.deployments.start(endpoint);
  return { EndpointArn: endpoint.EndpointArn };
};

const describeEndpoint: Operation = (ctx, body) => describeEndpointView(findEndpoint(ctx, parseInput(nameInput, body).EndpointName));

// DeleteEndpoint: the endpoint is Deleting for a while, then gone; until then its name is taken
// (CreateEndpoint refuses it) and DescribeEndpoint shows Deleting (DeleteEndpoint API reference).
const deleteEndpoint: Operation = (ctx, body) => {
  const endpoint = findEndpoint(ctx, parseInput(nameInput, body).EndpointName);
  if (endpoint.EndpointStatus === "Deleting") return {};
  Object.assign(endpoint, { EndpointStatus: "Deleting", pending: undefined, LastModifiedTime: ctx.now() });
  ctx.deployments.remove(endpoint);
  ctx.store.changed();
  return {};
};

const listInputWithStatus = listInput.extend({ StatusEquals: z.string().optional() });

const listEndpoints: Operation = (ctx, body) => {
  const options = parseInput(listInputWithStatus, body ?? {});
  const items = Object.values(ctx.store.state.endpoints).filter((e) => !options.StatusEquals || e.EndpointStatus === options.StatusEquals);
  const sortKey = (e: EndpointRecord) =>
    options.SortBy === "Name" ? e.EndpointName : options.SortBy === "Status" ? e.EndpointStatus : e.CreationTime;
  const { page, NextToken } = listPage({
    items,
    name: (e) => e.EndpointName,
    creationTime: (e) => e.CreationTime,
    sortKey,
    options,
    defaultOrder: "Descending",
    defaultMaxResults: 10,
  });
  const Endpoints = page.map((e) => ({
    EndpointName: e.EndpointName,
    EndpointArn: e.EndpointArn,
    CreationTime: seconds(e.CreationTime),
    LastModifiedTime: seconds(e.LastModifiedTime),
    EndpointStatus: e.EndpointStatus,
  }));
  return { Endpoints, NextToken };
};

export const endpointOperations: Record<string, Operation> = {
  CreateEndpoint: createEndpoint,
  DescribeEndpoint: describeEndpoint,
  UpdateEndpoint: updateEndpoint,
  UpdateEndpointWeightsAndCapacities: updateWeights,
  DeleteEndpoint: deleteEndpoint,
  ListEndpoints: listEndpoints,
};
