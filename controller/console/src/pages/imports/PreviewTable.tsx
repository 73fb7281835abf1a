// The file's rows as typed: refused rows in red, rows to confirm in amber, the wrong cells marked with their reasons.

import { Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale.tsx';
import { useImportMessages, useIssueMessages, issueKey } from './import-messages.ts';
import type { ImportIssue } from '../../../../../shared/lists/import-report.ts';
import { cellIssues, type PreviewRowView, type RowVerdict } from './preview-rows.ts';
import { messageIn } from './server-message.ts';

type Filter = 'all' | 'refused' | 'warned';

const ROW_BACKGROUND: Record<RowVerdict, string | undefined> = { refused: '#fff1f0', warned: '#fffbe6', accepted: undefined };
const CELL_BACKGROUND: Record<RowVerdict, string | undefined> = { refused: '#ffccc7', warned: '#ffe58f', accepted: undefined };
const VERDICT_COLOURS: Record<RowVerdict, string> = { refused: 'red', warned: 'gold', accepted: 'green' };

export function IssueText({ issue }: { issue: ImportIssue }) {
  const i = useIssueMessages();
  const { locale } = useLocale();
  return (
    <span>
      <Typography.Text strong>{i[issueKey(issue.code)]}</Typography.Text>: {messageIn(issue.message, locale)}
    </span>
  );
}

function CellWithIssues({ text, issues, verdict }: { text: string; issues: ImportIssue[]; verdict: RowVerdict }) {
  if (issues.length === 0) return <>{text}</>;
  return (
    <Tooltip title={<Space orientation="vertical" size={4}>{issues.map((issue) => <IssueText key={issue.code + issue.message} issue={issue} />)}</Space>}>
      <span data-testid="bad-cell" style={{ borderBottom: `2px dotted ${verdict === 'refused' ? '#cf1322' : '#d48806'}`, cursor: 'help' }}>{text || '—'}</span>
    </Tooltip>
  );
}

export function PreviewTable({ header, rows }: { header: string[]; rows: PreviewRowView[] }) {
  const m = useImportMessages();
  const [filter, setFilter] = useState<Filter>(rows.some((r) => r.verdict === 'refused') ? 'refused' : 'all');
  const shown = useMemo(() => (filter === 'all' ? rows : rows.filter((r) => r.verdict === filter)), [rows, filter]);

  const columns = useMemo<TableColumnsType<PreviewRowView>>(() => [
    {
      title: m.line,
      dataIndex: 'line',
      width: 120,
      fixed: 'left',
      onCell: (row) => ({ style: { background: ROW_BACKGROUND[row.verdict] } }),
      render: (line: number, row) => (
        <Space size={6}>
          <Typography.Text>{line}</Typography.Text>
          <Tag color={VERDICT_COLOURS[row.verdict]} style={{ marginInlineEnd: 0 }}>
            {row.verdict === 'refused' ? m.verdictRefused : row.verdict === 'warned' ? m.verdictWarned : m.verdictAccepted}
          </Tag>
        </Space>
      ),
    },
    {
      title: m.problem,
      key: 'issues',
      width: 360,
      onCell: (row) => ({ style: { background: ROW_BACKGROUND[row.verdict] } }),
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={2}>
          {row.issues.map((issue) => <Typography.Text key={issue.code + issue.column + issue.message} type={row.verdict === 'refused' ? 'danger' : 'warning'} style={{ fontSize: 13 }}>【{issue.column}】<IssueText issue={issue} /></Typography.Text>)}
        </Space>
      ),
    },
    ...header.map((title, index) => ({
      title,
      key: `c${index}`,
      width: index === 0 ? 220 : 160,
      ellipsis: { showTitle: false },
      onCell: (row: PreviewRowView) => {
        const wrong = cellIssues(row, title).length > 0;
        return { style: { background: wrong ? CELL_BACKGROUND[row.verdict] : ROW_BACKGROUND[row.verdict] } };
      },
      render: (_: unknown, row: PreviewRowView) => <CellWithIssues text={row.cells[index] ?? ''} issues={cellIssues(row, title)} verdict={row.verdict} />,
    })),
  ], [header, m]);

  return (
    <>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={[{ value: 'all', label: m.filterAll }, { value: 'refused', label: m.filterRefused }, { value: 'warned', label: m.filterWarned }]}
        style={{ marginBottom: 12 }}
        data-testid="preview-filter"
      />
      <Table<PreviewRowView>
        rowKey="line"
        size="small"
        columns={columns}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: m.noRows }}
        rowClassName={(row) => `preview-row-${row.verdict}`}
        data-testid="preview-table"
      />
    </>
  );
}
