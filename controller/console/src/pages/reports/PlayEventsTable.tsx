// Every play for the filters, oldest first, a hundred at a time.

import { Button, Card, Flex, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useLocale } from '../../i18n/locale.tsx';
import { format } from '../../i18n/messages.ts';
import { usePlayLabels } from './play-labels.ts';
import type { PlayEvent } from './proof-of-play-api.ts';
import { useProofOfPlayMessages } from './proof-of-play-messages.ts';
import { formatInstant, formatSpan } from './report-format.ts';

export function PlayEventsTable({ plays, loading, hasMore, loadingMore, onMore }: { plays: PlayEvent[]; loading: boolean; hasMore: boolean; loadingMore: boolean; onMore: () => void }) {
  const m = useProofOfPlayMessages();
  const { locale } = useLocale();
  const labels = usePlayLabels();
  const columns: TableColumnsType<PlayEvent> = [
    { title: m.colStarted, key: 'started', width: 180, render: (_, p) => formatInstant(p.startedAt) },
    { title: m.colEnded, key: 'ended', width: 180, render: (_, p) => formatInstant(p.endedAt) },
    { title: m.colDuration, key: 'duration', width: 120, align: 'right', render: (_, p) => formatSpan(p.endedAt - p.startedAt, locale) },
    { title: m.colScreen, key: 'screen', render: (_, p) => labels.screen(p.screenName) },
    { title: m.colContent, key: 'content', render: (_, p) => labels.content(p.contentId, p.contentTitle) },
    { title: m.colKind, key: 'kind', width: 90, render: (_, p) => labels.kind(p.kind) },
    {
      title: m.colManifest,
      key: 'manifest',
      width: 110,
      render: (_, p) => <Tooltip title={format(m.revision, { revision: p.listRevision })}>v{p.manifestVersion}</Tooltip>,
    },
    // Players' ids are UUIDv7: the start is the time, the end tells records apart.
    { title: m.colEvent, key: 'id', width: 130, render: (_, p) => <Typography.Text type="secondary" copyable={{ text: p.id }}>…{p.id.slice(-8)}</Typography.Text> },
  ];
  return (
    <Card title={m.detailHeading} size="small" extra={<Typography.Text type="secondary">{format(m.loadedCount, { count: plays.length })}</Typography.Text>}>
      <Table<PlayEvent> rowKey="id" size="small" columns={columns} dataSource={plays} loading={loading} pagination={false} locale={{ emptyText: m.noPlays }} data-testid="play-events" />
      {hasMore && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={onMore} loading={loadingMore}>{m.loadMore}</Button>
        </Flex>
      )}
    </Card>
  );
}
