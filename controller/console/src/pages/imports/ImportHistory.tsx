// The signed-in user's recent imports with their review status; one opens its status in the wizard.

import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useSession } from '../../session/session.tsx';
import { formatTime } from '../entries/date-time.ts';
import { CHANGE_SET_STATUS_COLOURS, LIST_COLOURS, useListMessages } from '../entries/list-messages.ts';
import { useMyRecentImports, type ChangeSetSummary } from './import-api.ts';
import { useImportMessages } from './import-messages.ts';

export function ImportHistory({ onOpen }: { onOpen: (changeSetId: string) => void }) {
  const m = useImportMessages();
  const l = useListMessages();
  const { user } = useSession();
  const imports = useMyRecentImports(user.id);
  const columns: TableColumnsType<ChangeSetSummary> = [
    { title: m.submittedAt, dataIndex: 'submittedAt', width: 180, render: (at: number) => formatTime(at) },
    { title: m.file, dataIndex: 'sourceName', ellipsis: true, render: (name: string | null) => name ?? '—' },
    { title: m.list, dataIndex: 'list', width: 100, render: (list: ChangeSetSummary['list']) => (list ? <Tag color={LIST_COLOURS[list]}>{l[`list.${list}`]}</Tag> : '—') },
    { title: m.counts, key: 'counts', width: 170, render: (_, c) => <Typography.Text>{c.rowCount} / <Typography.Text type="success">{c.acceptedCount}</Typography.Text> / <Typography.Text type={c.rejectedCount > 0 ? 'danger' : 'secondary'}>{c.rejectedCount}</Typography.Text></Typography.Text> },
    { title: m.status, dataIndex: 'status', width: 110, render: (status: ChangeSetSummary['status']) => <Tag color={CHANGE_SET_STATUS_COLOURS[status]}>{l[`changeSetStatus.${status}`]}</Tag> },
    { title: m.reviewedAt, dataIndex: 'reviewedAt', width: 180, render: (at: number | null) => formatTime(at) },
    { title: '', key: 'open', width: 80, render: (_, c) => <Button type="link" size="small" onClick={() => onOpen(c.id)}>{m.view}</Button> },
  ];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{m.history}</Typography.Title>
      <ApiErrorAlert error={imports.error} />
      <Table<ChangeSetSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={imports.data ?? []}
        loading={imports.isLoading}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: m.historyEmpty }}
        data-testid="import-history"
      />
    </>
  );
}
