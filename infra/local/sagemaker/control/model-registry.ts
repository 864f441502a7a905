import { z } from "zod";
import { arn, modelPackageVersionArn } from "../arn";
import { validationException } from "../errors";
import type { Json, ModelPackageGroupRecord, ModelPackageRecord } from "../state/types";
import type { ControlContext, Operation } from "./context";
import { listPage, seconds } from "./list";
import { forgetTags, putTags } from "./tags";
import { listInput, parseInput, resourceName, tagList } from "./validate";

const approvalStatus = z.enum(["PendingManualApproval", "Approved", "Rejected"]);

const createGroupInput = z.object({
  ModelPackageGroupName: resourceName,
  ModelPackageGroupDescription: z.string().max(1024).optional(),
  Tags: tagList.optional(),
});
const groupNameInput = z.object({ ModelPackageGroupName: z.string().min(1) });
const createPackageInput = z.looseObject({
  ModelPackageGroupName: z.string().min(1).optional(),
  ModelPackageName: resourceName.optional(),
  ModelPackageDescription: z.string().max(1024).optional(),
  ModelApprovalStatus: approvalStatus.optional(),
  CustomerMetadataProperties: z.record(z.string(), z.string()).optional(),
  Tags: tagList.optional(),
});
const packageNameInput = z.object({ ModelPackageName: z.string().min(1) });
const updatePackageInput = z.looseObject({
  ModelPackageArn: z.string().min(1),
  ModelApprovalStatus: approvalStatus.optional(),
  ApprovalDescription: z.string().max(1024).optional(),
  CustomerMetadataProperties: z.record(z.string(), z.string()).optional(),
  CustomerMetadataPropertiesToRemove: z.array(z.string()).optional(),
});
const listPackagesInput = listInput.extend({
  // ModelPackageSortBy: Name | CreationTime (API reference); anything else is a ValidationException.
  SortBy: z.enum(["Name", "CreationTime"], { error: "Member must satisfy enum value set: [Name, CreationTime]" }).optional(),
  ModelPackageGroupName: z.string().optional(),
  ModelApprovalStatus: approvalStatus.optional(),
  ModelPackageType: z.enum(["Versioned", "Unversioned", "Both"]).optional(),
});

function findGroup(ctx: ControlContext, name: string): ModelPackageGroupRecord {
  // Accepts a name or an ARN, as the API does.
  const groupName = name.startsWith("arn:") ? name.split("/").pop()! : name;
  const group = Object.values(ctx.store.state.modelPackageGroups).find(
    (g) => g.ModelPackageGroupName.toLowerCase() === groupName.toLowerCase(),
  );
  if (!group) throw validationException(`ModelPackageGroup ${groupName} does not exist.`);
  return group;
}

/** Versioned packages are named by ARN (or `group/version`); unversioned ones by name too. */
function findPackage(ctx: ControlContext, nameOrArn: string): ModelPackageRecord {
  const key = nameOrArn.startsWith("arn:") ? nameOrArn.toLowerCase() : arn("model-package", nameOrArn);
  const record = ctx.store.state.modelPackages[key];
  if (!record) throw validationException(`ModelPackage ${nameOrArn} does not exist.`);
  return record;
}

const createGroup: Operation = (ctx, body) => {
  const { Tags, ...input } = parseInput(createGroupInput, body);
  const { state } = ctx.store;
  const groupArn = arn("model-package-group", input.ModelPackageGroupName);
  if (Object.values(state.modelPackageGroups).some((g) => g.ModelPackageGroupArn === groupArn)) {
    throw validationException(`Model Package Group already exists: ${groupArn}`);
  }
  state.modelPackageGroups[input.ModelPackageGroupName] = {
    ...input,
    ModelPackageGroupArn: groupArn,
    CreationTime: ctx.now(),
    nextVersion: 1,
  };
  if (Tags) putTags(state, groupArn, Tags);
  ctx.store.changed();
  return { ModelPackageGroupArn: groupArn };
};

function groupView(group: ModelPackageGroupRecord): Json {
  const { nextVersion: _next, ...rest } = group;
  return { ...rest, CreationTime: seconds(group.CreationTime), CreatedBy: {}, ModelPackageGroupStatus: "Completed" };
}

const describeGroup: Operation = (ctx, body) => groupView(findGroup(ctx, parseInput(groupNameInput, body).ModelPackageGroupName));

const listGroups: Operation = (ctx, body) => {
  const options = parseInput(listInput, body ?? {});
  const { page, NextToken } = listPage({
    items: Object.values(ctx.store.state.modelPackageGroups),
    name: (g) => g.ModelPackageGroupName,
    creationTime: (g) => g.CreationTime,
    sortKey: (g) => (options.SortBy === "Name" ? g.ModelPackageGroupName : g.CreationTime),
    options,
    defaultOrder: "Ascending",
    defaultMaxResults: 100,
  });
  const ModelPackageGroupSummaryList = page.map((g) => {
    const { CreatedBy: _by, ...summary } = groupView(g);
    return summary;
  });
  return { ModelPackageGroupSummaryList, NextToken };
};

const createPackage: Operation = (ctx, body) => {
  const { Tags, ...input } = parseInput(createPackageInput, body);
  const { state } = ctx.store;
  let identity: Pick<ModelPackageRecord, "ModelPackageArn" | "ModelPackageName" | "ModelPackageGroupName" | "ModelPackageVersion">;
  if (input.ModelPackageGroupName) {
    const group = findGroup(ctx, input.ModelPackageGroupName);
    const version = group.nextVersion++;
    const name = group.ModelPackageGroupName;
    identity = {
      ModelPackageArn: modelPackageVersionArn(name, version),
      ModelPackageName: name,
      ModelPackageGroupName: name,
      ModelPackageVersion: version,
    };
  } else if (input.ModelPackageName) {
    const packageArn = arn("model-package", input.ModelPackageName);
    if (state.modelPackages[packageArn]) throw validationException(`Model Package already exists: ${packageArn}`);
    identity = { ModelPackageArn: packageArn, ModelPackageName: input.ModelPackageName };
  } else {
    throw validationException("Either ModelPackageName or ModelPackageGroupName must be provided.");
  }
  const now = ctx.now();
  const record: ModelPackageRecord = {
    ...input,
    ...identity,
    ModelApprovalStatus: input.ModelApprovalStatus ?? (input.ModelPackageGroupName ? "PendingManualApproval" : undefined),
    CreationTime: now,
    LastModifiedTime: now,
  };
  state.modelPackages[identity.ModelPackageArn] = record;
  if (Tags) putTags(state, identity.ModelPackageArn, Tags);
  ctx.store.changed();
  return { ModelPackageArn: identity.ModelPackageArn };
};

function packageView(record: ModelPackageRecord): Json {
  return {
    ...record,
    CreationTime: seconds(record.CreationTime),
    LastModifiedTime: record.LastModifiedTime === undefined ? undefined : seconds(record.LastModifiedTime),
    ModelPackageStatus: "Completed",
    ModelPackageStatusDetails: { ValidationStatuses: [] },
    ModelPackageRegistrationType: "Registered",
    CreatedBy: {},
  };
}

const describePackage: Operation = (ctx, body) => packageView(findPackage(ctx, parseInput(packageNameInput, body).ModelPackageName));

const listPackages: Operation = (ctx, body) => {
  const options = parseInput(listPackagesInput, body ?? {});
  // Without a group, AWS lists unversioned packages unless ModelPackageType says otherwise.
  const type = options.ModelPackageGroupName ? "Versioned" : (options.ModelPackageType ?? "Unversioned");
  const group = options.ModelPackageGroupName ? findGroup(ctx, options.ModelPackageGroupName) : undefined;
  const items = Object.values(ctx.store.state.modelPackages).filter((p) => {
    const versioned = p.ModelPackageVersion !== undefined;
    if (type === "Versioned" && !versioned) return false;
    if (type === "Unversioned" && versioned) return false;
    if (group && p.ModelPackageGroupName !== group.ModelPackageGroupName) return false;
    return !options.ModelApprovalStatus || p.ModelApprovalStatus === options.ModelApprovalStatus;
  });
  const { page, NextToken } = listPage({
    items,
    name: (p) => p.ModelPackageName,
    creationTime: (p) => p.CreationTime,
    sortKey: (p) =>
      options.SortBy === "Name" ? `${p.ModelPackageName}/${String(p.ModelPackageVersion ?? 0).padStart(9, "0")}` : p.CreationTime,
    options,
    defaultOrder: "Ascending",
    defaultMaxResults: 100,
  });
  const ModelPackageSummaryList = page.map((p) => ({
    ModelPackageName: p.ModelPackageName,
    ModelPackageGroupName: p.ModelPackageGroupName,
    ModelPackageVersion: p.ModelPackageVersion,
    ModelPackageArn: p.ModelPackageArn,
    ModelPackageDescription: p.ModelPackageDescription,
    CreationTime: seconds(p.CreationTime),
    ModelPackageStatus: "Completed",
    ModelApprovalStatus: p.ModelApprovalStatus,
  }));
  return { ModelPackageSummaryList, NextToken };
};

const updatePackage: Operation = (ctx, body) => {
  const input = parseInput(updatePackageInput, body);
  const record = findPackage(ctx, input.ModelPackageArn);
  if (input.ModelApprovalStatus) record.ModelApprovalStatus = input.ModelApprovalStatus;
  if (input.ApprovalDescription !== undefined) record.ApprovalDescription = input.ApprovalDescription;
  if (input.CustomerMetadataProperties || input.CustomerMetadataPropertiesToRemove) {
    const properties = {
      ...(record.CustomerMetadataProperties as Record<string, string> | undefined),
      ...input.CustomerMetadataProperties,
    };
    for (const key of input.CustomerMetadataPropertiesToRemove ?? []) delete properties[key];
    record.CustomerMetadataProperties = properties;
  }
  record.LastModifiedTime = ctx.now();
  ctx.store.changed();
  return { ModelPackageArn: record.ModelPackageArn };
};

const deletePackage: Operation = (ctx, body) => {
  const record = findPackage(ctx, parseInput(packageNameInput, body).ModelPackageName);
  delete ctx.store.state.modelPackages[record.ModelPackageArn.toLowerCase()];
  forgetTags(ctx.store.state, record.ModelPackageArn);
  ctx.store.changed();
  return {};
};

// A group that still holds versions is refused (its versions are deleted first, one by one).
const deleteGroup: Operation = (ctx, body) => {
  const group = findGroup(ctx, parseInput(groupNameInput, body).ModelPackageGroupName);
  const { state } = ctx.store;
  if (Object.values(state.modelPackages).some((p) => p.ModelPackageGroupName === group.ModelPackageGroupName)) {
    throw validationException(`Model package group ${group.ModelPackageGroupName} contains model packages; delete them first.`);
  }
  delete state.modelPackageGroups[group.ModelPackageGroupName];
  forgetTags(state, group.ModelPackageGroupArn);
  ctx.store.changed();
  return {};
};

export const modelRegistryOperations: Record<string, Operation> = {
  DeleteModelPackage: deletePackage,
  DeleteModelPackageGroup: deleteGroup,
  CreateModelPackageGroup: createGroup,
  DescribeModelPackageGroup: describeGroup,
  ListModelPackageGroups: listGroups,
  CreateModelPackage: createPackage,
  DescribeModelPackage: describePackage,
  ListModelPackages: listPackages,
  UpdateModelPackage: updatePackage,
};
