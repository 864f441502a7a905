/**
 * Where SageMaker writes every training job's output (developer guide, "Logs for Built-in
 * Algorithms"): one log group for the account and region, one stream per instance named
 * `<TrainingJobName>/algo-<N>-<epoch seconds>`. The CDK app grants reads on this group alone.
 */
export const TRAINING_LOG_GROUP = "/aws/sagemaker/TrainingJobs";
