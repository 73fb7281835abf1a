// Creates a playlist or proposes a change to one: name, items in play order with their seconds,
// tickers; saving submits it for review (screens keep the approved version meanwhile).

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Empty, Flex, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { format } from '../../i18n/messages.ts';
import { useContentLabels } from './content-labels.ts';
import { ContentPicker } from './ContentPicker.tsx';
import {
  addItem, defaultSecondsFor, draftFromDocument, draftProblems, emptyDraft, formatSeconds, moveItem, playlistBody, removeItem, setDuration, totalSeconds, type PlaylistDraft,
} from './playlist-draft.ts';
import { usePlaylistMessages } from './playlists-messages.ts';
import { latestDocument, PROGRAMME_KEYS, type PlaylistRow } from './programme-api.ts';
import { useProgrammeMessages } from './programme-messages.ts';
import { SaveErrorAlert } from './SaveErrorAlert.tsx';
import { SortableItemList } from './SortableItemList.tsx';

function initialDraft(row: PlaylistRow | null): PlaylistDraft {
  const document = row ? latestDocument(row) : null;
  // A rejected new playlist has no version left: its author starts again under its name.
  return document ? draftFromDocument(row?.name ?? '', document) : { ...emptyDraft(), name: row?.name ?? '' };
}

export function PlaylistEditor({ row, onClose }: { row: PlaylistRow | null; onClose: () => void }) {
  const m = usePlaylistMessages();
  const pm = useProgrammeMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { library, labelOf } = useContentLabels();
  const [draft, setDraft] = useState(() => initialDraft(row));
  const [checked, setChecked] = useState(false);
  const problems = draftProblems(draft);
  const badKeys = useMemo(() => new Set(problems.flatMap((p) => (p.kind === 'duration' && checked ? [p.key] : []))), [problems, checked]);
  const tickers = library.filter((content) => content.kind === 'ticker' && (content.status === 'approved' || draft.tickerIds.includes(content.id)));

  const save = useMutation({
    mutationFn: () => (row ? api.put(`/api/v1/playlists/${row.id}`, playlistBody(draft)) : api.post('/api/v1/playlists', playlistBody(draft))),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: PROGRAMME_KEYS.playlists });
      void message.success(format(m.submitted, { name: draft.name.trim() }));
      onClose();
    },
  });
  const submit = () => {
    setChecked(true);
    if (problems.length === 0) save.mutate();
  };
  const has = (kind: string) => checked && problems.some((p) => p.kind === kind);

  return (
    <Drawer
      open
      size={760}
      title={row ? format(m.editTitle, { name: row.name }) : m.createTitle}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text data-testid="playlist-total">{format(m.total, { count: draft.items.length, duration: formatSeconds(totalSeconds(draft.items)) })}</Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{pm.cancel}</Button>
            <Button type="primary" loading={save.isPending} onClick={submit} data-testid="submit-playlist">{m.submitForReview}</Button>
          </Flex>
        </Flex>
      }
    >
      {row?.approved && <Alert type="info" showIcon title={m.changeNotice} style={{ marginBottom: 16 }} />}
      <SaveErrorAlert error={save.error} />
      <Form layout="vertical" component="div">
        <Form.Item label={m.name} required validateStatus={has('name') ? 'error' : undefined} help={has('name') ? m.nameRequired : undefined}>
          <Input value={draft.name} maxLength={100} showCount placeholder={m.namePlaceholder} onChange={(event) => setDraft({ ...draft, name: event.target.value })} data-testid="playlist-name" />
        </Form.Item>
        <Form.Item label={m.items} required extra={m.itemsHelp} validateStatus={has('no-items') || badKeys.size > 0 ? 'error' : undefined} help={has('no-items') ? m.itemsRequired : badKeys.size > 0 ? m.durationRange : undefined}>
          <Flex vertical gap={10}>
            <ContentPicker library={library} onPick={(contentId) => setDraft((current) => addItem(current, contentId, defaultSecondsFor(contentId, library)))} />
            {draft.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noItems} />
            ) : (
              <SortableItemList
                items={draft.items}
                labelOf={labelOf}
                badKeys={badKeys}
                onMove={(active, over) => setDraft((current) => moveItem(current, active, over))}
                onDuration={(key, seconds) => setDraft((current) => setDuration(current, key, seconds))}
                onRemove={(key) => setDraft((current) => removeItem(current, key))}
              />
            )}
          </Flex>
        </Form.Item>
        <Form.Item label={m.tickers} extra={m.tickersHelp}>
          <Select
            mode="multiple"
            value={draft.tickerIds}
            placeholder={m.noTickers}
            options={tickers.map((ticker) => ({ value: ticker.id, label: ticker.title }))}
            maxCount={20}
            onChange={(tickerIds: string[]) => setDraft({ ...draft, tickerIds })}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
