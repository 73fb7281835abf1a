// The screens that have not reached a publish, each with why: in error (and the error), offline since when, never connected, or still updating.

import { Alert, Card, Result, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { problemText } from '../screens/ProblemText.tsx';
import { useStatusMessages } from '../screens/status-messages.ts';
import { formatTime, fromNow } from '../screens/units.ts';
import { useBehind, type BehindScreen } from './publishes-api.ts';
import { usePublishesMessages } from './publishes-messages.ts';
import { ReasonTag } from './ReasonTag.tsx';

function ReasonDetail({ screen, now }: { screen: BehindScreen; now: number }) {
  const m = usePublishesMessages();
  const s = useStatusMessages();
  const { reason } = screen;
  switch (reason.kind) {
    case 'error':
      return <Typography.Text type="danger">{problemText(reason.problem, s)}</Typography.Text>;
    case 'offline':
      return <>{format(m.offlineSince, { when: formatTime(reason.since), ago: fromNow(reason.since, now) })}</>;
    case 'never-connected':
      return <>{format(m.neverSince, { when: formatTime(reason.since) })}</>;
    case 'updating':
      return <>{format(m.updatingSince, { ago: fromNow(reason.since, now) })}</>;
  }
}

export function BehindTable({ version }: { version: number }) {
  const m = usePublishesMessages();
  const behind = useBehind(version);
  const title = format(m.behindTitle, { version });
  if (behind.isPending) return <Card title={title} size="small"><Skeleton active /></Card>;
  if (behind.isError) return <Card title={title} size="small"><ApiErrorAlert error={behind.error} /></Card>;
  const now = behind.dataUpdatedAt;
  const { items, truncated, total } = behind.data;
  const columns: TableColumnsType<BehindScreen> = [
    { title: m.colScreen, dataIndex: 'name', width: 200, render: (name: string, row) => <Link to={`/screens/${encodeURIComponent(row.screenId)}`}>{name}</Link> },
    { title: m.colApplied, dataIndex: 'manifestVersion', width: 90, render: (v: number) => (v === 0 ? '—' : `v${v}`) },
    { title: m.colReason, key: 'reason', render: (_, row) => <><ReasonTag kind={row.reason.kind} /><ReasonDetail screen={row} now={now} /></> },
    { title: m.colLastSeen, dataIndex: 'lastSeenAt', width: 110, render: (at: number | null) => <span title={formatTime(at)}>{fromNow(at, now)}</span> },
  ];
  return (
    <Card title={title} size="small" style={{ height: '100%' }} data-testid="behind-screens">
      {items.length === 0 ? (
        <Result status="success" title={total === 0 ? m.noScreens : format(m.allReached, { version })} subTitle={total === 0 ? undefined : m.allReachedHint} />
      ) : (
        <>
          {truncated && <Alert type="info" showIcon title={format(m.truncated, { count: items.length })} style={{ marginBottom: 12 }} />}
          <Table<BehindScreen> rowKey="screenId" size="small" columns={columns} dataSource={items} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} />
        </>
      )}
    </Card>
  );
}
