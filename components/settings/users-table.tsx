import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { UserSummary } from "@/lib/users/user";
import { Button } from "./controls";

/** The tenant's users; every row but the admin's own can be disabled or re-enabled. */
export function UsersTable(props: { users: UserSummary[]; currentUserId: string; onToggle: (user: UserSummary) => void }) {
  const { users, currentUserId, onToggle } = props;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[13px]" aria-label="Users">
        <TableHead border="both" columns={["E-mail", "Name", "Role", "Status", { label: "Actions", srOnly: true }]} />
        <tbody className="divide-y divide-line">
          {users.map((user) => (
            <tr key={user.email} className={user.enabled ? undefined : "text-muted"}>
              <td className="px-4 py-2.5 font-medium">{user.email}</td>
              <td className="px-4 py-2.5">{user.name}</td>
              <td className="px-4 py-2.5">{ROLE_LABELS[user.role]}</td>
              <td className="px-4 py-2.5">
                <span className="flex flex-col items-start gap-0.5">
                  {user.enabled ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Disabled</Badge>}
                  {user.updatedAt && (
                    <span className="text-[11px] text-subtle">
                      {formatDateTime(user.updatedAt)}
                      {user.updatedBy ? ` by ${user.updatedBy}` : ""}
                    </span>
                  )}
                </span>
              </td>
              <td className="px-4 py-2.5 text-right">
                {user.email === currentUserId ? (
                  <span className="text-[12px] text-subtle">You</span>
                ) : (
                  <Button
                    tone={user.enabled ? "ghost" : "primary"}
                    onClick={() => onToggle(user)}
                    aria-label={`${user.enabled ? "Disable" : "Enable"} ${user.email}`}
                  >
                    {user.enabled ? "Disable" : "Enable"}
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
