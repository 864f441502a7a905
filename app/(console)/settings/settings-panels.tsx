import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { SettingsForm } from "@/components/settings/settings-form";
import { NotificationsSection } from "@/components/settings/notifications-section";
import { UsersSection } from "@/components/settings/users-section";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { apiKeysQueryOptions } from "@/lib/queries/api-keys";
import { getQueryClient } from "@/lib/queries/query-client";
import { settingsQueryOptions } from "@/lib/queries/settings";
import { usersQueryOptions } from "@/lib/queries/users";
import { getSettings } from "@/lib/settings/get-settings";
import { listUsers } from "@/lib/users/list-users";
import { getMaskedWebhooks } from "@/lib/notifications/webhook-settings";
import { webhooksQueryOptions } from "@/lib/queries/notifications";

/**
 * Server prefetch of each section (same query keys as the client, from lib/queries), in its own
 * Suspense boundary: the form renders with data, then the client takes over.
 */
export async function ScoringSettingsPanel({ tenantId }: { tenantId: string }) {
  const queryClient = getQueryClient();
  queryClient.setQueryData(settingsQueryOptions().queryKey, await getSettings({ tenantId }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SettingsForm />
    </HydrationBoundary>
  );
}

export async function ApiKeysPanel({ tenantId }: { tenantId: string }) {
  const queryClient = getQueryClient();
  queryClient.setQueryData(apiKeysQueryOptions().queryKey, { keys: await listApiKeys({ tenantId }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ApiKeysSection />
    </HydrationBoundary>
  );
}

export async function UsersPanel({ tenantId, currentUserId }: { tenantId: string; currentUserId: string }) {
  const queryClient = getQueryClient();
  queryClient.setQueryData(usersQueryOptions().queryKey, { users: await listUsers({ tenantId }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UsersSection currentUserId={currentUserId} />
    </HydrationBoundary>
  );
}

export async function NotificationsPanel({ tenantId }: { tenantId: string }) {
  const queryClient = getQueryClient();
  queryClient.setQueryData(webhooksQueryOptions().queryKey, await getMaskedWebhooks({ tenantId }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NotificationsSection />
    </HydrationBoundary>
  );
}
