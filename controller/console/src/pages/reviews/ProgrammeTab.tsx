// The playlists and schedules tabs: changes awaiting review, new ones and changes to live versions alike.

import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useSession } from '../../session/session.tsx';
import type { PendingProgramme } from './review-api.ts';
import { formatTime, personName } from './review-format.ts';
import { useReviewMessages } from './review-messages.ts';

export function ProgrammeTab<Document>({ items, loading, onOpen, testId }: { items: Array<PendingProgramme<Document>>; loading: boolean; onOpen: (id: string) => void; testId: string }) {
  const m = useReviewMessages();
  const { user, can } = useSession();
  const columns: TableColumnsType<PendingProgramme<Document>> = [
    {
      title: m.colName,
      key: 'name',
      render: (_, p) => (
        <Space size={4}>
          <Typography.Text strong>{p.name}</Typography.Text>
          {p.pendingBy === user.id && <Tag color="gold">{m.ownBadge}</Tag>}
        </Space>
      ),
    },
    { title: m.colChange, key: 'change', width: 160, render: (_, p) => (p.approved === null ? <Tag color="blue">{m.programmeNew}</Tag> : <Tag color="purple">{m.programmeChange}</Tag>) },
    { title: m.colSubmitter, key: 'submitter', width: 140, render: (_, p) => personName(p.pendingByName, m.unknownUser) },
    { title: m.colSubmittedAt, key: 'submittedAt', width: 170, render: (_, p) => formatTime(p.pendingAt) },
    { title: m.colActions, key: 'actions', width: 100, render: (_, p) => <Button type="primary" size="small" onClick={() => onOpen(p.id)}>{p.pendingBy !== user.id && can('programme.review') ? m.review : m.view}</Button> },
  ];
  return <Table<PendingProgramme<Document>> rowKey="id" columns={columns} dataSource={items} loading={loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: m.emptyPending }} data-testid={testId} />;
}
