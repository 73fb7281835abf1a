// What a screen plays at the chosen time: the playlist and what decided it, every schedule that
// was on and why it won or lost, and the items in play order with their durations.

import { Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useContentLabels, type ContentLabel } from '../playlists/content-labels.ts';
import { formatSeconds } from '../playlists/playlist-draft.ts';
import type { PlaylistRow, ScheduleRow } from '../playlists/programme-api.ts';
import { useProgrammeMessages } from '../playlists/programme-messages.ts';
import { contentIdOfItem, ROTATION_PLAYLIST_ID, screenClockText, screenSpanText, timedItems, verdictOf, type PreviewContender, type ProgrammePreview, type TimedItem } from './programme-preview.ts';
import { usePreviewMessages } from './preview-messages.ts';

interface Props {
  preview: ProgrammePreview;
  playlists: readonly PlaylistRow[];
  schedules: readonly ScheduleRow[];
}

type KnownKind = ContentLabel['kind'];
const TIMELINE_KINDS: readonly string[] = ['list', 'slide', 'image', 'video'];

/** The library's kind when the item is known there (a list view, not just "a list"), else the manifest's. */
function kindOf(item: TimedItem, libraryKind: KnownKind): KnownKind {
  if (libraryKind !== 'unknown') return libraryKind;
  return item.kind !== null && TIMELINE_KINDS.includes(item.kind) ? (item.kind as KnownKind) : 'unknown';
}

/** The library's title when the reader may see the library, else the manifest's, else an id to quote. */
function titleOf(item: TimedItem, label: ContentLabel): string {
  return label.status === 'unknown' && item.title !== null ? item.title : label.title;
}

const VERDICT_COLOURS = { winner: 'green', 'lower-priority': 'default', 'started-earlier': 'orange', 'tie-broken-by-id': 'orange' } as const;

export function PreviewResult({ preview, playlists, schedules }: Props) {
  const m = usePreviewMessages();
  const pm = useProgrammeMessages();
  const { labelOf } = useContentLabels();
  const zone = preview.timeZone;
  const clock = (ms: number | null) => (ms === null ? '—' : screenClockText(ms, zone));
  const playlistName = (id: string | null) => (id === null || id === ROTATION_PLAYLIST_ID ? pm.rotation : playlists.find((row) => row.id === id)?.name ?? format(pm.unknownPlaylist, { id: id.slice(0, 8) }));
  const scheduleName = (id: string) => schedules.find((row) => row.id === id)?.name ?? format(pm.unknownSchedule, { id: id.slice(0, 8) });
  const winnerId = preview.source.kind === 'schedule' ? preview.source.scheduleId : null;
  const winner = preview.contenders.find((contender) => contender.scheduleId === winnerId);
  const decidedBy =
    preview.source.kind === 'schedule'
      ? format(m.bySchedule, { name: scheduleName(preview.source.scheduleId), priority: winner?.priority ?? '?' })
      : preview.source.kind === 'default'
        ? m.byDefault
        : m.byRotation;
  const { items, loopMs } = timedItems(preview.items);

  return (
    <Flex vertical gap={16} data-testid="preview-result">
      <Card size="small">
        <Typography.Text type="secondary">{format(m.playsAt, { time: clock(preview.at), zone })}</Typography.Text>
        <Typography.Title level={4} style={{ margin: '4px 0 12px' }} data-testid="preview-playlist">{playlistName(preview.playlistId)}</Typography.Title>
        <Descriptions size="small" column={2} bordered items={[
          { key: 'why', label: m.decidedBy, children: <span data-testid="preview-source">{decidedBy}</span>, span: 2 },
          { key: 'since', label: m.since, children: preview.sinceMs === null ? m.sinceLongAgo : clock(preview.sinceMs) },
          { key: 'until', label: m.until, children: clock(preview.nextChangeAtMs) },
          { key: 'loop', label: m.loop, children: format(m.loopValue, { count: items.length, duration: formatSeconds(loopMs / 1000) }) },
          { key: 'version', label: m.manifest, children: preview.manifestVersion === null ? m.notPublished : `v${preview.manifestVersion}` },
        ]} />
      </Card>
      <Card size="small" title={m.contendersTitle}>
        {preview.contenders.length === 0 ? (
          <Typography.Text type="secondary" data-testid="no-contenders">{preview.source.kind === 'rotation' ? m.noProgramme : m.noContenders}</Typography.Text>
        ) : (
          <ContenderTable contenders={preview.contenders} winnerId={winnerId} scheduleName={scheduleName} playlistName={playlistName} clock={clock} span={(fromMs, toMs) => screenSpanText(fromMs, toMs, zone)} />
        )}
      </Card>
      <Card size="small" title={m.itemsTitle}>
        <Table<TimedItem>
          rowKey="index"
          size="small"
          pagination={false}
          dataSource={items}
          data-testid="preview-items"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noItems} /> }}
          columns={[
            { title: '#', width: 50, render: (_, item) => item.index + 1 },
            { title: m.content, render: (_, item) => titleOf(item, labelOf(contentIdOfItem(item.id))) },
            { title: m.kind, width: 110, render: (_, item) => <Tag>{pm[`kind.${kindOf(item, labelOf(contentIdOfItem(item.id)).kind)}`]}</Tag> },
            { title: m.startsAt, width: 130, align: 'right', render: (_, item) => formatSeconds(item.offsetMs / 1000) },
            { title: m.duration, width: 100, align: 'right', render: (_, item) => format(m.secondsValue, { seconds: item.durationMs / 1000 }) },
          ]}
        />
        {preview.tickerIds.length > 0 && (
          <Flex gap={6} wrap style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{m.tickers}</Typography.Text>
            {preview.tickerIds.map((id) => <Tag key={id}>{labelOf(contentIdOfItem(id)).title}</Tag>)}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

interface ContenderProps {
  contenders: PreviewContender[];
  winnerId: string | null;
  scheduleName: (id: string) => string;
  playlistName: (id: string) => string;
  clock: (ms: number | null) => string;
  span: (fromMs: number, toMs: number) => string;
}

function ContenderTable({ contenders, winnerId, scheduleName, playlistName, clock, span }: ContenderProps) {
  const m = usePreviewMessages();
  return (
    <Table<PreviewContender>
      rowKey="scheduleId"
      size="small"
      pagination={false}
      dataSource={contenders}
      data-testid="preview-contenders"
      columns={[
        { title: m.schedule, render: (_, contender) => <Typography.Text strong={contender.scheduleId === winnerId}>{scheduleName(contender.scheduleId)}</Typography.Text> },
        { title: m.playlist, render: (_, contender) => playlistName(contender.playlistId) },
        { title: m.priority, width: 80, align: 'right', dataIndex: 'priority' },
        { title: m.window, width: 260, render: (_, contender) => (contender.sinceMs === null ? `${m.sinceLongAgo} – ${clock(contender.untilMs)}` : span(contender.sinceMs, contender.untilMs)) },
        {
          title: m.verdict,
          width: 220,
          render: (_, contender) => {
            const verdict = verdictOf(contender, winnerId, contenders);
            return <Tag color={VERDICT_COLOURS[verdict]} data-testid={`verdict-${verdict}`}>{m[`verdict.${verdict}`]}</Tag>;
          },
        },
      ]}
    />
  );
}
