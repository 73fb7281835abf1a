// Playlists: what screens loop through, in order and for how long. Operators compose and submit
// them for review; approvers choose the default one; everyone who plans programmes reads them.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { DefaultPlaylistBar } from './DefaultPlaylistBar.tsx';
import { PlaylistEditor } from './PlaylistEditor.tsx';
import { PlaylistTable } from './PlaylistTable.tsx';
import { usePlaylistMessages } from './playlists-messages.ts';
import { PROGRAMME_KEYS, usePlaylists, type PlaylistRow } from './programme-api.ts';

type Shown = 'active' | 'awaiting' | 'retired';

const SHOWN: Record<Shown, (row: PlaylistRow) => boolean> = {
  active: (row) => row.status !== 'retired',
  awaiting: (row) => row.pending !== null && row.status !== 'retired',
  retired: (row) => row.status === 'retired',
};

export default function PlaylistsPage() {
  const m = usePlaylistMessages();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const playlists = usePlaylists();
  // undefined: the editor is closed; null: a new playlist.
  const [editing, setEditing] = useState<PlaylistRow | null | undefined>(undefined);
  const [shown, setShown] = useState<Shown>('active');
  const [search, setSearch] = useState('');
  const rows = useMemo(() => (playlists.data ?? []).filter((row) => SHOWN[shown](row) && row.name.toLowerCase().includes(search.trim().toLowerCase())), [playlists.data, shown, search]);

  const retire = useMutation({
    mutationFn: (row: PlaylistRow) => api.post(`/api/v1/playlists/${row.id}/retire`, {}),
    onSuccess: async (_, row) => {
      await queryClient.invalidateQueries({ queryKey: PROGRAMME_KEYS.playlists });
      void message.success(format(m.retired, { name: row.name }));
    },
  });

  const createButton = can('programme.edit') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="new-playlist">{m.create}</Button>;
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        actions={createButton}
      />
      <ApiErrorAlert error={playlists.error ?? retire.error} />
      <DefaultPlaylistBar playlists={playlists.data ?? []} />
      <Flex justify="space-between" gap={12} style={{ marginBottom: 12 }}>
        <Segmented<Shown>
          value={shown}
          onChange={setShown}
          options={[
            { value: 'active', label: m.showActive },
            { value: 'awaiting', label: m.showAwaiting },
            { value: 'retired', label: m.showRetired },
          ]}
        />
        <Input.Search allowClear placeholder={m.searchPlaceholder} style={{ width: 280 }} onChange={(event) => setSearch(event.target.value)} />
      </Flex>
      <PlaylistTable rows={rows} loading={playlists.isLoading} retiringId={retire.isPending ? (retire.variables?.id ?? null) : null} onEdit={setEditing} onRetire={(row) => retire.mutate(row)} emptyAction={playlists.data?.length === 0 && can('programme.edit') ? <Button icon={<PlusOutlined />} onClick={() => setEditing(null)}>{m.createFirst}</Button> : undefined} />
      {editing !== undefined && <PlaylistEditor row={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
