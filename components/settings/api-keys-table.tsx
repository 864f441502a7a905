import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import type { ApiKeyRecord } from "@/lib/api-keys/api-key";
import { Button } from "./controls";
import { TableHead } from "@/components/ui/table-head";

export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKeyRecord[]; onRevoke: (key: ApiKeyRecord) => void }) {
  if (keys.length === 0) return <p className="border-t border-line px-4 py-6 text-center text-[13px] text-muted">No API keys yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[13px]" aria-label="API keys">
        <TableHead border="both" columns={["Name", "Key", "Created", "Created by", "Status", { label: "Actions", srOnly: true }]} />
        <tbody className="divide-y divide-line">
          {keys.map((key) => (
            <tr key={key.keyId} className={key.revokedAt ? "text-muted" : undefined}>
              <td className="px-4 py-2.5 font-medium">{key.name}</td>
              <td className="px-4 py-2.5 font-mono text-[12px]">{key.displayPrefix}…</td>
              <td className="tabular whitespace-nowrap px-4 py-2.5 text-muted">{formatDateTime(key.createdAt)}</td>
              <td className="px-4 py-2.5 text-muted">{key.createdBy}</td>
              <td className="px-4 py-2.5">
                {key.revokedAt ? (
                  <span className="flex flex-col items-start gap-0.5">
                    <Badge tone="danger">Revoked</Badge>
                    <span className="text-[11px] text-subtle">
                      {formatDateTime(key.revokedAt)}
                      {key.revokedBy ? ` by ${key.revokedBy}` : ""}
                    </span>
                  </span>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              <td className="px-4 py-2.5 text-right">
                {!key.revokedAt && (
                  <Button tone="ghost" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
