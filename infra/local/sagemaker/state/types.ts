/**
 * What the control plane stores. Request shapes are kept as the client sent them (minus Tags, which
 * live in `tags` by ARN) so that Describe* echoes every field, modelled here or not.
 * Times are epoch milliseconds; the wire layer turns them into epoch seconds.
 */
export type Json = Record<string, unknown>;

export interface ContainerSpec {
  Image?: string;
  ModelDataUrl?: string;
  ModelDataSource?: { S3DataSource?: { S3Uri?: string; S3DataType?: string; CompressionType?: string } };
  Environment?: Record<string, string>;
}

export interface ModelRecord extends Json {
  ModelName: string;
  ModelArn: string;
  PrimaryContainer?: ContainerSpec;
  Containers?: ContainerSpec[];
  CreationTime: number;
}

export interface ProductionVariantSpec extends Json {
  VariantName: string;
  ModelName: string;
  InitialInstanceCount?: number;
  InitialVariantWeight?: number;
}

export interface DataCaptureSpec {
  EnableCapture?: boolean;
  InitialSamplingPercentage?: number;
  DestinationS3Uri?: string;
  CaptureOptions?: { CaptureMode: "Input" | "Output" | "InputAndOutput" }[];
  CaptureContentTypeHeader?: { CsvContentTypes?: string[]; JsonContentTypes?: string[] };
}

export interface ShapBaselineSpec {
  MimeType?: string;
  ShapBaseline?: string;
  ShapBaselineUri?: string;
}

export interface ExplainerSpec {
  ClarifyExplainerConfig?: {
    EnableExplanations?: string;
    InferenceConfig?: { FeatureHeaders?: string[]; FeatureTypes?: string[] };
    ShapConfig?: { ShapBaselineConfig?: ShapBaselineSpec; NumberOfSamples?: number; UseLogit?: boolean; Seed?: number };
  };
}

export interface EndpointConfigRecord extends Json {
  EndpointConfigName: string;
  EndpointConfigArn: string;
  ProductionVariants: ProductionVariantSpec[];
  ShadowProductionVariants?: ProductionVariantSpec[];
  DataCaptureConfig?: DataCaptureSpec;
  ExplainerConfig?: ExplainerSpec;
  CreationTime: number;
}

/** One variant as deployed: the model's container is copied in so a later DeleteModel does not break it. */
export interface DeployedVariant {
  VariantName: string;
  ModelName: string;
  container: ContainerSpec;
  CurrentWeight: number;
  DesiredWeight: number;
  CurrentInstanceCount: number;
  DesiredInstanceCount: number;
  deployedAt: number;
}

/** A config as an endpoint runs it (a snapshot: the config may be deleted while the endpoint lives on). */
export interface Deployment {
  EndpointConfigName: string;
  variants: DeployedVariant[];
  /** Shadow variants: each gets a copy of every request; their answers are never returned. */
  shadowVariants?: DeployedVariant[];
  DataCaptureConfig?: DataCaptureSpec;
  ExplainerConfig?: ExplainerSpec;
}

export type EndpointStatus = "Creating" | "Updating" | "InService" | "Failed" | "Deleting" | "RollingBack";

export type PendingChange = { kind: "deploy"; deployment: Deployment; startedAt: number } | { kind: "weights"; startedAt: number };

export interface EndpointRecord {
  EndpointName: string;
  EndpointArn: string;
  EndpointStatus: EndpointStatus;
  /** The config last asked for (kept when a first deployment fails, as DescribeEndpoint still names it). */
  EndpointConfigName: string;
  FailureReason?: string;
  CreationTime: number;
  LastModifiedTime: number;
  /** What serves traffic; absent until the first deployment is ready. */
  live?: Deployment;
  pending?: PendingChange;
}

export interface ModelPackageGroupRecord extends Json {
  ModelPackageGroupName: string;
  ModelPackageGroupArn: string;
  ModelPackageGroupDescription?: string;
  CreationTime: number;
  nextVersion: number;
}

export interface ModelPackageRecord extends Json {
  ModelPackageArn: string;
  ModelPackageName: string;
  ModelPackageGroupName?: string;
  ModelPackageVersion?: number;
  ModelApprovalStatus?: string;
  CreationTime: number;
  LastModifiedTime?: number;
}

export type TrainingJobStatus = "InProgress" | "Completed" | "Failed" | "Stopping" | "Stopped";

export interface SecondaryStatusTransition {
  Status: string;
  StartTime: number;
  EndTime?: number;
  StatusMessage?: string;
}

/**
 * A training job: the request as sent (minus Tags) and what SageMaker adds. Lower-case members are
 * the emulator's own and never reach the wire (`tenant` from the job's tag, the log's tail).
 */
export interface TrainingJobRecord extends Json {
  TrainingJobName: string;
  TrainingJobArn: string;
  TrainingJobStatus: TrainingJobStatus;
  SecondaryStatus: string;
  SecondaryStatusTransitions: SecondaryStatusTransition[];
  FailureReason?: string;
  CreationTime: number;
  LastModifiedTime: number;
  TrainingStartTime?: number;
  TrainingEndTime?: number;
  ModelArtifacts?: { S3ModelArtifacts: string };
  FinalMetricDataList?: { MetricName: string; Value: number; Timestamp: number }[];
  tenant: string;
  /** The script's process id while it runs (and after, so a test can check it is gone). */
  pid?: number;
  /** The job's stand-in for /opt/ml while it runs (so a restart can find and end an orphaned script). */
  workDir?: string;
}

export interface EmulatorState {
  models: Record<string, ModelRecord>;
  endpointConfigs: Record<string, EndpointConfigRecord>;
  endpoints: Record<string, EndpointRecord>;
  modelPackageGroups: Record<string, ModelPackageGroupRecord>;
  /** Keyed by lower-cased ARN. */
  modelPackages: Record<string, ModelPackageRecord>;
  /** Keyed by lower-cased ARN. */
  tags: Record<string, { Key: string; Value: string }[]>;
  trainingJobs: Record<string, TrainingJobRecord>;
}

export function emptyState(): EmulatorState {
  return { models: {}, endpointConfigs: {}, endpoints: {}, modelPackageGroups: {}, modelPackages: {}, tags: {}, trainingJobs: {} };
}
