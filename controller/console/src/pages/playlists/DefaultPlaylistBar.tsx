// What screens play when no schedule is on: shown to everyone, chosen by approvers among approved
// playlists (or the built-in rotation); the choice is published at once.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useSession } from '../../session/session.tsx';
import { usePlaylistMessages } from './playlists-messages.ts';
import { PROGRAMME_KEYS, type PlaylistRow } from './programme-api.ts';
import { useProgrammeMessages } from './programme-messages.ts';

// The Select's value for "no playlist chosen": the API's null.
const ROTATION = '';

export function DefaultPlaylistBar({ playlists }: { playlists: PlaylistRow[] }) {
  const m = usePlaylistMessages();
  const pm = useProgrammeMessages();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const current = playlists.find((row) => row.isDefault) ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen ?? current?.id ?? ROTATION;
  const approved = playlists.filter((row) => row.approved !== null && row.status !== 'retired');
  const apply = useMutation({
    mutationFn: () => api.put('/api/v1/programme/default-playlist', { playlistId: selected === ROTATION ? null : selected }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: PROGRAMME_KEYS.playlists });
      setChosen(null);
      void message.success(m.defaultApplied);
    },
  });
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="default-playlist">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Text type="secondary">{m.defaultLabel}</Typography.Text>
          <Typography.Text strong style={{ marginInlineStart: 8 }} data-testid="default-playlist-name">{current ? current.name : pm.rotation}</Typography.Text>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.defaultHelp}</Typography.Text></div>
        </div>
        {can('programme.review') && (
          <Flex gap={8} align="center">
            <Select
              value={selected}
              style={{ width: 280 }}
              data-testid="default-playlist-select"
              showSearch={{ optionFilterProp: 'label' }}
              options={[{ value: ROTATION, label: pm.rotation }, ...approved.map((row) => ({ value: row.id, label: row.name }))]}
              onChange={setChosen}
            />
            <Button type="primary" disabled={selected === (current?.id ?? ROTATION)} loading={apply.isPending} onClick={() => apply.mutate()} data-testid="apply-default">
              {m.setDefault}
            </Button>
          </Flex>
        )}
      </Flex>
      {apply.error && <div style={{ marginTop: 12 }}><ApiErrorAlert error={apply.error} /></div>}
      {approved.length === 0 && can('programme.review') && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.noApproved}</Typography.Text>}
    </Card>
  );
}
