// Step 4: the submitted change set's review, refreshed until an approver decides.

import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Descriptions, Result, Skeleton, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { formatTime } from '../entries/date-time.ts';
import { CHANGE_SET_STATUS_COLOURS, LIST_COLOURS, useListMessages } from '../entries/list-messages.ts';
import { RECENT_IMPORTS_KEY, useChangeSet, type ChangeSetSummary } from './import-api.ts';
import { useImportMessages } from './import-messages.ts';

const ICONS = {
  pending: <ClockCircleFilled style={{ color: '#d48806' }} />,
  approved: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  rejected: <CloseCircleFilled style={{ color: '#cf1322' }} />,
};

function ChangeSetFacts({ changeSet }: { changeSet: ChangeSetSummary }) {
  const m = useImportMessages();
  const l = useListMessages();
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      style={{ maxWidth: 960, margin: '0 auto' }}
      items={[
        { key: 'id', label: m.changeSet, children: <Typography.Text copyable code>{changeSet.id}</Typography.Text> },
        { key: 'status', label: m.status, children: <Tag color={CHANGE_SET_STATUS_COLOURS[changeSet.status]} data-testid="change-set-status">{l[`changeSetStatus.${changeSet.status}`]}</Tag> },
        { key: 'file', label: m.file, children: changeSet.sourceName ?? '—' },
        { key: 'list', label: m.list, children: changeSet.list ? <Tag color={LIST_COLOURS[changeSet.list]}>{l[`list.${changeSet.list}`]}</Tag> : '—' },
        { key: 'counts', label: m.counts, children: `${changeSet.rowCount} / ${changeSet.acceptedCount} / ${changeSet.rejectedCount}` },
        { key: 'warnings', label: m.warningsToConfirm, children: changeSet.warningCount },
        { key: 'submitted', label: m.submittedAt, children: formatTime(changeSet.submittedAt) },
        { key: 'reviewed', label: m.reviewedAt, children: formatTime(changeSet.reviewedAt) },
      ]}
    />
  );
}

export function ReviewStatus({ changeSetId, onNewImport }: { changeSetId: string; onNewImport: () => void }) {
  const m = useImportMessages();
  const navigate = useNavigate();
  const changeSet = useChangeSet(changeSetId);
  const queryClient = useQueryClient();
  const seenStatus = changeSet.data?.status;
  // The history below shows the same change set: once the review lands, it follows.
  useEffect(() => {
    if (seenStatus !== undefined) void queryClient.invalidateQueries({ queryKey: RECENT_IMPORTS_KEY });
  }, [seenStatus, queryClient]);
  if (changeSet.error) return <ApiErrorAlert error={changeSet.error} />;
  if (!changeSet.data) return <Skeleton active />;
  const { status, reviewComment, acceptedCount } = changeSet.data;
  const title = status === 'pending' ? m.statusPending : status === 'approved' ? m.statusApproved : m.statusRejected;
  const lines = [
    format(m.submitted, { count: acceptedCount }),
    status === 'pending' ? m.statusPendingHint : status === 'approved' ? m.statusApprovedHint : null,
    reviewComment ? format(m.reviewComment, { comment: reviewComment }) : null,
  ].filter((line) => line !== null);
  return (
    <Result
      icon={ICONS[status]}
      title={<span data-testid="review-status-title">{title}</span>}
      subTitle={lines.map((line) => <div key={line}>{line}</div>)}
      extra={[
        <Button key="new" type="primary" onClick={onNewImport}>{m.newImport}</Button>,
        <Button key="entries" onClick={() => void navigate('/entries')}>{m.viewEntries}</Button>,
      ]}
    >
      <ChangeSetFacts changeSet={changeSet.data} />
    </Result>
  );
}
