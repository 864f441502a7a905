"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { auditKeys } from "@/lib/queries/audit";
import { patchUser, usersKeys, usersQueryOptions } from "@/lib/queries/users";
import type { UserSummary } from "@/lib/users/user";
import { UserStatusDialog } from "./user-status-dialog";
import { UsersTable } from "./users-table";

/** The tenant's users: disable or re-enable, with confirmation and a reason for the audit log. */
export function UsersSection({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(usersQueryOptions());
  const [changing, setChanging] = useState<UserSummary | null>(null);
  const toggle = useMutation({
    mutationFn: ({ user, reason }: { user: UserSummary; reason?: string }) => patchUser(user.email, { enabled: !user.enabled, reason }),
    onSuccess: async () => {
      setChanging(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
  return (
    <Card title="Users" description="Who can sign in to this tenant. Disabling a user ends their open sessions within a minute.">
      <UsersTable users={data.users} currentUserId={currentUserId} onToggle={(user) => (toggle.reset(), setChanging(user))} />
      {changing && (
        <UserStatusDialog
          user={changing}
          isPending={toggle.isPending}
          error={toggle.error}
          onCancel={() => setChanging(null)}
          onConfirm={(reason) => toggle.mutate({ user: changing, reason })}
        />
      )}
    </Card>
  );
}
