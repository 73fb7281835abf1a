// The list changes tab: pending change sets from the queue, or decided ones, each opening its review.

import { Button, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { ListTag } from './ListTag.tsx';
import { useDecidedChangeSets, type ChangeSetSummary } from './review-api.ts';
import { formatTime, personName } from './review-format.ts';
import { useReviewMessages } from './review-messages.ts';

type StatusFilter = 'pending' | 'approved' | 'rejected';

export function ChangeSetsTab({ pending, loading, onOpen }: { pending: ChangeSetSummary[]; loading: boolean; onOpen: (id: string) => void }) {
  const m = useReviewMessages();
  const { user, can } = useSession();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const decided = useDecidedChangeSets(status === 'pending' ? 'approved' : status, status !== 'pending');
  const rows = status === 'pending' ? pending : (decided.data ?? []);

  const source: TableColumnsType<ChangeSetSummary>[number] = {
    title: m.colSource,
    key: 'source',
    width: status === 'pending' ? undefined : 240,
    render: (_, c) => (
      <Space size={4} wrap>
        <Typography.Text strong>{c.sourceName}</Typography.Text>
        {c.submittedBy === user.id && c.status === 'pending' && <Tag color="gold">{m.ownBadge}</Tag>}
      </Space>
    ),
  };
  const list: TableColumnsType<ChangeSetSummary>[number] = { title: m.colList, dataIndex: 'list', width: 96, render: (_, c) => <ListTag list={c.list} /> };
  const entries: TableColumnsType<ChangeSetSummary>[number] = {
    title: m.colEntries,
    key: 'entries',
    width: 160,
    render: (_, c) => (
      <div>
        <div>{format(m.entriesCell, { accepted: c.acceptedCount })}</div>
        {c.rejectedCount > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{format(m.refusedAtImport, { count: c.rejectedCount })}</Typography.Text>}
      </div>
    ),
  };
  const submitter: TableColumnsType<ChangeSetSummary>[number] = { title: m.colSubmitter, key: 'submitter', width: 110, render: (_, c) => personName(c.submittedByName, m.unknownUser) };
  const actions: TableColumnsType<ChangeSetSummary>[number] = {
    title: m.colActions,
    key: 'actions',
    width: 90,
    render: (_, c) => (
      <Button type={c.status === 'pending' ? 'primary' : 'default'} size="small" onClick={() => onOpen(c.id)} data-testid={`open-change-set-${c.id}`}>
        {c.status === 'pending' && c.submittedBy !== user.id && can('change-sets.review') ? m.review : m.view}
      </Button>
    ),
  };
  // Pending: what the approver weighs (category, warnings, age); decided: who decided, when, and why.
  const columns: TableColumnsType<ChangeSetSummary> = status === 'pending'
    ? [
        source, list,
        { title: m.colCategory, dataIndex: 'category', width: 150, render: (_, c) => c.category ?? <Typography.Text type="secondary">{m.allCategories}</Typography.Text> },
        entries,
        { title: m.colWarnings, dataIndex: 'warningCount', width: 90, render: (_, c) => (c.warningCount > 0 ? <Tag color="orange">{format(m.warningsCell, { count: c.warningCount })}</Tag> : <Typography.Text type="secondary">{m.noWarnings}</Typography.Text>) },
        submitter,
        { title: m.colSubmittedAt, dataIndex: 'submittedAt', width: 150, render: (_, c) => formatTime(c.submittedAt) },
        actions,
      ]
    : [
        source, list, entries, submitter,
        { title: m.colReviewer, key: 'reviewer', width: 110, render: (_, c) => personName(c.reviewedByName, m.unknownUser) },
        { title: m.colReviewedAt, dataIndex: 'reviewedAt', width: 150, render: (_, c) => formatTime(c.reviewedAt) },
        { title: m.colComment, dataIndex: 'reviewComment', ellipsis: { showTitle: true }, render: (_, c) => c.reviewComment || <Typography.Text type="secondary">—</Typography.Text> },
        actions,
      ];

  return (
    <>
      <Segmented<StatusFilter>
        value={status}
        onChange={setStatus}
        options={[{ value: 'pending', label: m.statusPending }, { value: 'approved', label: m.statusApproved }, { value: 'rejected', label: m.statusRejected }]}
        style={{ marginBottom: 12 }}
      />
      <ApiErrorAlert error={decided.error} />
      <Table<ChangeSetSummary>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={status === 'pending' ? loading : decided.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: status === 'pending' ? m.emptyPending : m.emptyDecided }}
        onRow={(c) => ({ onDoubleClick: () => onOpen(c.id) })}
        data-testid="change-set-table"
      />
    </>
  );
}
