// A playlist change under review: its items against the live version (added, removed, re-timed,
// moved), its tickers, and the verdict.

import { Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { contentTitle } from './content-labels.ts';
import { idListChange, playlistItemRows, type ItemChange, type PlaylistItemRow } from './programme-diff.ts';
import type { PendingProgramme, PlaylistDocument } from './review-api.ts';
import { formatTime, personName, secondsOf } from './review-format.ts';
import { useReviewNames } from './review-lookups.ts';
import { useReviewMessages } from './review-messages.ts';
import { verdictAvailability } from './review-verdict.ts';
import { ReviewDecision } from './ReviewDecision.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';

const CHANGE_COLOURS: Record<ItemChange, string> = { added: 'green', removed: 'red', duration: 'orange', moved: 'blue', same: 'default' };

export function PlaylistReview({ playlist, onClose }: { playlist: PendingProgramme<PlaylistDocument>; onClose: () => void }) {
  const m = useReviewMessages();
  const { user, can } = useSession();
  const names = useReviewNames({ content: true });
  const availability = verdictAvailability({ authorId: playlist.pendingBy, userId: user.id, canReview: can('programme.review'), pending: true });
  const rows = playlistItemRows(playlist.approved?.items ?? null, playlist.pending.items);
  const tickers = idListChange(playlist.approved?.tickerIds ?? [], playlist.pending.tickerIds ?? []);
  const title = (id: string) => contentTitle(m, names.content, id);
  const changeLabel: Record<ItemChange, string> = { added: m.itemAdded, removed: m.itemRemoved, duration: m.itemDuration, moved: m.itemMoved, same: m.itemSame };
  const seconds = (ms: number | null) => (ms === null ? m.none : format(m.seconds, { seconds: secondsOf(ms) }));

  const columns: TableColumnsType<PlaylistItemRow> = [
    {
      title: m.colPosition,
      key: 'position',
      width: 120,
      render: (_, r) => {
        if (r.afterPosition === null) return <Typography.Text delete type="secondary">{r.beforePosition}</Typography.Text>;
        const moved = r.beforePosition !== null && r.beforePosition !== r.afterPosition;
        return <>{r.afterPosition}{moved && <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>{format(m.wasPosition, { position: r.beforePosition ?? '' })}</Typography.Text>}</>;
      },
    },
    { title: m.colContent, key: 'content', render: (_, r) => (r.change === 'removed' ? <Typography.Text delete type="secondary">{title(r.contentId)}</Typography.Text> : title(r.contentId)) },
    {
      title: m.colDuration,
      key: 'duration',
      width: 200,
      render: (_, r) => (r.change === 'duration' ? <span><Typography.Text delete type="secondary">{seconds(r.beforeMs)}</Typography.Text> → <Typography.Text mark>{seconds(r.afterMs)}</Typography.Text></span> : seconds(r.afterMs ?? r.beforeMs)),
    },
    { title: m.colChange, key: 'change', width: 130, render: (_, r) => <Tag color={CHANGE_COLOURS[r.change]}>{changeLabel[r.change]}</Tag> },
  ];

  const tickerText = tickers.added.length === 0 && tickers.removed.length === 0
    ? m.tickersNone
    : [tickers.added.length > 0 ? format(m.tickersAdded, { names: tickers.added.map(title).join('、') }) : '', tickers.removed.length > 0 ? format(m.tickersRemoved, { names: tickers.removed.map(title).join('、') }) : ''].filter(Boolean).join('；');

  return (
    <ReviewDrawer
      title={format(m.playlistReviewTitle, { name: playlist.name })}
      extra={playlist.approved === null ? <Tag color="blue">{m.programmeNew}</Tag> : <Tag color="purple">{m.programmeChange}</Tag>}
      footer={<ReviewDecision target={{ kind: 'playlists', id: playlist.id, pendingAt: playlist.pendingAt }} availability={availability} onDone={onClose} />}
      onClose={onClose}
    >
      <Descriptions
        size="small"
        column={2}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'submitter', label: m.colSubmitter, children: `${personName(playlist.pendingByName, m.unknownUser)} · ${formatTime(playlist.pendingAt)}` },
          { key: 'tickers', label: m.tickersHeading, children: tickerText },
        ]}
      />
      <Typography.Title level={5}>{m.itemsHeading}</Typography.Title>
      <Table<PlaylistItemRow> rowKey={(r, index) => `${r.contentId}-${r.beforePosition}-${r.afterPosition}-${index}`} size="small" columns={columns} dataSource={rows} pagination={false} data-testid="playlist-diff" />
    </ReviewDrawer>
  );
}
