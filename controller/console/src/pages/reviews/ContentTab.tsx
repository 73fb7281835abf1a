// The content tab: slides, media, tickers and list views awaiting review, each opening its preview and verdict.

import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useSession } from '../../session/session.tsx';
import { contentKindLabel } from './content-labels.ts';
import type { PendingContent } from './review-api.ts';
import { formatTime, personName } from './review-format.ts';
import { useReviewMessages } from './review-messages.ts';

export function ContentTab({ items, loading, onOpen }: { items: PendingContent[]; loading: boolean; onOpen: (id: string) => void }) {
  const m = useReviewMessages();
  const { user, can } = useSession();
  const columns: TableColumnsType<PendingContent> = [
    {
      title: m.colTitle,
      key: 'title',
      render: (_, c) => (
        <Space size={4}>
          <Typography.Text strong>{c.title}</Typography.Text>
          {c.submittedBy === user.id && <Tag color="gold">{m.ownBadge}</Tag>}
        </Space>
      ),
    },
    { title: m.colKind, key: 'kind', width: 120, render: (_, c) => <Tag>{contentKindLabel(m, c.kind)}</Tag> },
    { title: m.colSubmitter, key: 'submitter', width: 140, render: (_, c) => personName(c.submittedByName, m.unknownUser) },
    { title: m.colSubmittedAt, key: 'submittedAt', width: 170, render: (_, c) => formatTime(c.submittedAt) },
    { title: m.colActions, key: 'actions', width: 100, render: (_, c) => <Button type="primary" size="small" onClick={() => onOpen(c.id)}>{c.submittedBy !== user.id && can('change-sets.review') ? m.review : m.view}</Button> },
  ];
  return <Table<PendingContent> rowKey="id" columns={columns} dataSource={items} loading={loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: m.emptyPending }} data-testid="content-table" />;
}
