import { Button, TextInput } from "./controls";

interface SaveBarProps {
  reason: string;
  onReasonChange: (reason: string) => void;
  isDirty: boolean;
  isPending: boolean;
  onDiscard: () => void;
  status: { tone: "success" | "muted"; text: string } | null;
}

/** Why + save, stuck to the bottom of the form so the button is reachable from every section. */
export function SaveBar({ reason, onReasonChange, isDirty, isPending, onDiscard, status }: SaveBarProps) {
  return (
    <div className="sticky bottom-0 z-[1] flex flex-wrap items-end gap-3 rounded-b-lg border-t border-line bg-surface/95 px-5 py-3 backdrop-blur">
      <div className="min-w-[240px] flex-1 space-y-1">
        <label htmlFor="settings-reason" className="block text-[12px] font-medium">
          Why <span className="font-normal text-subtle">(optional, recorded in the audit log)</span>
        </label>
        <TextInput
          id="settings-reason"
          maxLength={500}
          placeholder="e.g. Pilot: review everything above 0.3"
          value={reason}
          onChange={(e) => onReasonChange(e.target.value)}
        />
      </div>
      <div className="flex items-center gap-3">
        {status && (
          <p role="status" className={`text-[12px] ${status.tone === "success" ? "text-success" : "text-muted"}`}>
            {status.text}
          </p>
        )}
        <Button onClick={onDiscard} disabled={!isDirty || isPending}>
          Discard changes
        </Button>
        <Button type="submit" tone="primary" disabled={!isDirty || isPending}>
          {isPending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </div>
  );
}
