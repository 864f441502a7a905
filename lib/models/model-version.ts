/** A version in the tenant's model package group, as the Models page lists it. */
export interface ModelVersion {
  version: number;
  arn: string;
  approvalStatus: string;
  createdAt: string | null;
  description: string | null;
}
