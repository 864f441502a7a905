import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  InService: "success",
  Creating: "accent",
  Updating: "accent",
  SystemUpdating: "accent",
  RollingBack: "warning",
  OutOfService: "warning",
  Deleting: "warning",
  Failed: "danger",
};

export function EndpointStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{status}</Badge>;
}
