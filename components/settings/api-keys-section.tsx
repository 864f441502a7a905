"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import type { ApiKeyRecord } from "@/lib/api-keys/api-key";
import { apiKeysKeys, apiKeysQueryOptions, deleteApiKey, postApiKey } from "@/lib/queries/api-keys";
import { auditKeys } from "@/lib/queries/audit";
import { ApiKeysTable } from "./api-keys-table";
import { CreateApiKeyForm } from "./create-api-key-form";
import { NewKeyCallout } from "./new-key-callout";
import { RevokeKeyDialog } from "./revoke-key-dialog";

/** Payment applications' keys: list, create (plaintext shown once), revoke with confirmation. */
export function ApiKeysSection() {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(apiKeysQueryOptions());
  const [created, setCreated] = useState<{ name: string; plaintext: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRecord | null>(null);
  const afterChange = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: apiKeysKeys.all }), queryClient.invalidateQueries({ queryKey: auditKeys.all })]);

  const create = useMutation({
    mutationFn: postApiKey,
    onSuccess: async ({ key, plaintext }) => {
      setCreated({ name: key.name, plaintext });
      await afterChange();
    },
  });
  const revoke = useMutation({
    mutationFn: ({ keyId, reason }: { keyId: string; reason?: string }) => deleteApiKey(keyId, reason),
    onSuccess: async () => {
      setRevoking(null);
      await afterChange();
    },
  });

  return (
    <Card
      title="API keys"
      description="Payment applications call POST /api/score with one of these keys. Revoked keys stop working on every console instance within a minute."
    >
      <div className="space-y-4 px-4 py-4">
        {created && <NewKeyCallout name={created.name} plaintext={created.plaintext} onDone={() => setCreated(null)} />}
        <CreateApiKeyForm
          isPending={create.isPending}
          error={create.error}
          onCreate={(input) => {
            setCreated(null);
            create.mutate(input);
          }}
        />
      </div>
      <ApiKeysTable keys={data.keys} onRevoke={(key) => (revoke.reset(), setRevoking(key))} />
      {revoking && (
        <RevokeKeyDialog
          apiKey={revoking}
          isPending={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(null)}
          onConfirm={(reason) => revoke.mutate({ keyId: revoking.keyId, reason })}
        />
      )}
    </Card>
  );
}
