import { Button } from "@/components/settings/controls";
import type { VersionAction } from "@/lib/promotion/version-actions";

/** An action with the reason it is enabled or blocked written under it (not only in a tooltip). */
export function VersionActionButton({
  label,
  action,
  tone = "secondary",
  onClick,
}: {
  label: string;
  action: VersionAction;
  tone?: "primary" | "secondary" | "danger";
  onClick: () => void;
}) {
  return (
    <div className="py-1">
      <Button tone={tone} disabled={!action.allowed} onClick={onClick}>
        {label}
      </Button>
      <p className={`mt-1 text-[11.5px] leading-snug ${action.allowed ? "text-muted" : "text-danger"}`}>{action.reason}</p>
    </div>
  );
}
