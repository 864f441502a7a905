/** The account the emulator pretends to be (as the SageMaker emulator's) and the stack's region. */
const ACCOUNT_ID = "000000000000";

const region = () => process.env.AWS_REGION || "us-east-1";

export const logGroupArn = (group: string) => `arn:aws:logs:${region()}:${ACCOUNT_ID}:log-group:${group}`;

export const logStreamArn = (group: string, stream: string) => `${logGroupArn(group)}:log-stream:${stream}`;
