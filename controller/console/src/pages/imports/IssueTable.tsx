// Every problem the check found, one per line of the table: which row, which column, what is wrong.

import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useLocale } from '../../i18n/locale.tsx';
import type { ImportIssue } from '../../../../../shared/lists/import-report.ts';
import { issueKey, useImportMessages, useIssueMessages } from './import-messages.ts';
import { messageIn } from './server-message.ts';

type RowIssue = ImportIssue & { severity: 'refusal' | 'warning' };

export function IssueTable({ issues }: { issues: RowIssue[] }) {
  const m = useImportMessages();
  const i = useIssueMessages();
  const { locale } = useLocale();
  const columns: TableColumnsType<RowIssue> = [
    { title: m.line, dataIndex: 'line', width: 90 },
    { title: m.column, dataIndex: 'column', width: 180 },
    {
      title: m.problem,
      key: 'problem',
      width: 260,
      render: (_, issue) => <Tag color={issue.severity === 'refusal' ? 'red' : 'gold'}>{i[issueKey(issue.code)]}</Tag>,
    },
    { title: m.detail, key: 'detail', render: (_, issue) => <Typography.Text>{messageIn(issue.message, locale)}</Typography.Text> },
  ];
  return (
    <Table<RowIssue>
      rowKey={(issue) => `${issue.line}|${issue.column}|${issue.code}|${issue.severity}|${issue.message}`}
      size="small"
      columns={columns}
      dataSource={issues}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: m.noIssues }}
      data-testid="issue-table"
    />
  );
}
