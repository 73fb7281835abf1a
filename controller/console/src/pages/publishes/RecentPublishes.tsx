// The last publishes with each one's progress; choosing one lists the screens behind it.

import { Card, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { groupDigits, progressTone, reachedPercent } from './convergence-figures.ts';
import type { PublishSummary } from './publishes-api.ts';
import { usePublishesMessages } from './publishes-messages.ts';

interface Props {
  publishes: readonly PublishSummary[];
  currentVersion: number | null;
  selected: number | null;
  onSelect: (version: number) => void;
}

export function RecentPublishes({ publishes, currentVersion, selected, onSelect }: Props) {
  const m = usePublishesMessages();
  const columns: TableColumnsType<PublishSummary> = [
    { title: m.colVersion, dataIndex: 'version', width: 100, render: (version: number) => <>{`v${version}`}{version === currentVersion && <Tag color="red" style={{ marginInlineStart: 6 }}>{m.current}</Tag>}</> },
    { title: m.colTime, dataIndex: 'createdAt', width: 120, render: (at: number) => <span title={dayjs(at).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(at).format('MM-DD HH:mm')}</span> },
    { title: m.colProgress, key: 'progress', render: (_, p) => <Progress percent={reachedPercent(p.reached, p.total)} status={progressTone(p.reached, p.total, p.behindByReason)} size="small" /> },
    { title: m.colReached, key: 'reached', width: 100, align: 'right', render: (_, p) => `${groupDigits(p.reached)} / ${groupDigits(p.total)}` },
  ];
  return (
    <Card title={m.recentTitle} size="small" style={{ height: '100%' }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.pickHint}</Typography.Text>}>
      <Table<PublishSummary>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={[...publishes]}
        pagination={false}
        onRow={(p) => ({ onClick: () => onSelect(p.version), style: { cursor: 'pointer', background: p.version === selected ? '#fff1f0' : undefined } })}
        data-testid="recent-publishes"
      />
    </Card>
  );
}
