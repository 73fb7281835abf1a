// One section of a change set's rows (added, changed, withdrawn), a page at a time, with the
// columns that section needs: full rows for additions, old → new for changes, reasons for withdrawals.

import { WarningOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useChangeSetMessages } from './change-set-messages.ts';
import { earlierStanding, fieldChanges } from './entry-diff.ts';
import { serverMessageIn, subjectTypeLabel, warningLabel, withdrawalReasonLabel } from './entry-labels.ts';
import { FieldChanges } from './FieldChanges.tsx';
import { useReviewRows, type ReviewRow, type RowSection } from './review-api.ts';
import { formatTime } from './review-format.ts';

const PAGE_SIZE = 20;

export function ChangeSetRowsTable({ changeSetId, section, today }: { changeSetId: string; section: Exclude<RowSection, 'all' | 'warned'>; today: string }) {
  const m = useChangeSetMessages();
  const { locale } = useLocale();
  const [page, setPage] = useState(1);
  const rows = useReviewRows(changeSetId, section, page, PAGE_SIZE);

  const standingTag = (row: ReviewRow) => {
    if (!row.previous) return null;
    const standing = earlierStanding(row.previous, today);
    const previous = row.previous;
    const tag = { withdrawn: <Tag>{m.earlierWithdrawn}</Tag>, expired: <Tag>{m.earlierExpired}</Tag>, live: <Tag color="red">{m.earlierLive}</Tag> }[standing];
    const detail = {
      withdrawn: format(m.earlierWithdrawnOn, { date: formatTime(previous.withdrawnAt).slice(0, 10), reason: withdrawalReasonLabel(m, previous.withdrawalReason) }),
      expired: format(m.earlierExpiredOn, { date: previous.validUntil }),
      live: null,
    }[standing];
    return (
      <div>
        {standing === 'live' ? <Tooltip title={m.earlierLiveHint}>{tag}</Tooltip> : tag}
        {detail && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{detail}</Typography.Text></div>}
        {previous.withdrawalNote && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{previous.withdrawalNote}</Typography.Text></div>}
      </div>
    );
  };

  const line: TableColumnsType<ReviewRow>[number] = { title: m.colLine, key: 'line', width: 60, render: (_, r) => r.entry.line ?? '—' };
  const subject: TableColumnsType<ReviewRow>[number] = {
    title: m.colSubject,
    key: 'subject',
    width: 220,
    render: (_, r) => (
      <div>
        <Typography.Text strong>{r.entry.subjectName}</Typography.Text>
        {r.entry.warnings.length > 0 && (
          <Tooltip title={r.entry.warnings.map((w) => `${warningLabel(m, w.code)}：${serverMessageIn(w.message, locale)}`).join('\n')}>
            <WarningOutlined style={{ color: '#d46b08', marginLeft: 6 }} aria-label={m.colWarnings} />
          </Tooltip>
        )}
        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{subjectTypeLabel(m, r.entry.subjectType)}{r.entry.legalRepresentative ? ` · ${r.entry.legalRepresentative}` : ''}</Typography.Text></div>
      </div>
    ),
  };
  const code: TableColumnsType<ReviewRow>[number] = { title: m.colCode, key: 'code', width: 196, render: (_, r) => <Typography.Text code copyable={false}>{r.entry.creditCode ?? r.entry.idNumber ?? '—'}</Typography.Text> };

  const bySection: Record<typeof section, TableColumnsType<ReviewRow>> = {
    added: [
      line, subject, code,
      { title: m.colCategory, key: 'category', width: 120, render: (_, r) => r.entry.category },
      // Reasons and authorities are read in full: wrapped, never cut.
      { title: m.colReason, key: 'reason', render: (_, r) => r.entry.reason },
      { title: m.colAuthority, key: 'authority', width: 160, render: (_, r) => r.entry.authority },
      { title: m.colListedOn, key: 'listedOn', width: 104, render: (_, r) => r.entry.listedOn },
      { title: m.colValidUntil, key: 'validUntil', width: 104, render: (_, r) => r.entry.validUntil },
    ],
    changed: [
      line, subject, code,
      { title: m.colEarlier, key: 'earlier', width: 180, render: (_, r) => standingTag(r) },
      { title: m.colChanges, key: 'changes', render: (_, r) => (r.previous ? <FieldChanges changes={fieldChanges(r.previous, r.entry)} /> : null) },
    ],
    withdrawn: [
      line, subject, code,
      { title: m.colCategory, key: 'category', width: 150, render: (_, r) => r.entry.category },
      { title: m.colWithdrawnAt, key: 'withdrawnAt', width: 150, render: (_, r) => formatTime(r.entry.withdrawnAt) },
      {
        title: m.colWithdrawalReason,
        key: 'withdrawalReason',
        render: (_, r) => (
          <span>
            {withdrawalReasonLabel(m, r.entry.withdrawalReason)}
            {r.entry.withdrawalNote ? <Typography.Text type="secondary"> · {r.entry.withdrawalNote}</Typography.Text> : null}
          </span>
        ),
      },
    ],
  };

  return (
    <>
      <ApiErrorAlert error={rows.error} />
      <Table<ReviewRow>
        rowKey={(r) => r.entry.id}
        size="small"
        columns={bySection[section]}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        locale={{ emptyText: m.emptySection }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: rows.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => format(m.pageTotal, { total }) }}
        data-testid={`rows-${section}`}
      />
    </>
  );
}
