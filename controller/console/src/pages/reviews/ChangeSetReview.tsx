// One change set under review: what it is, the warnings to confirm, its added / changed / withdrawn
// rows, the rows its import refused, and the verdict.

import { Alert, Descriptions, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { useChangeSetMessages } from './change-set-messages.ts';
import { ChangeSetRowsTable } from './ChangeSetRowsTable.tsx';
import { ListTag } from './ListTag.tsx';
import { RefusedRows } from './RefusedRows.tsx';
import { useChangeSet, useReviewRows } from './review-api.ts';
import { formatTime, personName } from './review-format.ts';
import { useReviewMessages } from './review-messages.ts';
import { verdictAvailability, warningsConfirmed } from './review-verdict.ts';
import { ReviewDecision } from './ReviewDecision.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';
import { WarningsChecklist } from './WarningsChecklist.tsx';

type Section = 'added' | 'changed' | 'withdrawn';

export function ChangeSetReview({ id, onClose }: { id: string; onClose: () => void }) {
  const m = useChangeSetMessages();
  const r = useReviewMessages();
  const { user, can } = useSession();
  const changeSet = useChangeSet(id);
  // The first row of every section is not needed here, only the counts that come with it.
  const counts = useReviewRows(id, 'all', 1, 1).data?.counts;
  const [chosenSection, setSection] = useState<Section | null>(null);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const today = dayjs().format('YYYY-MM-DD');

  const c = changeSet.data;
  const section: Section = chosenSection ?? (counts && counts.added === 0 && counts.changed > 0 ? 'changed' : 'added');
  const pending = c?.status === 'pending';
  const availability = c ? verdictAvailability({ authorId: c.submittedBy, userId: user.id, canReview: can('change-sets.review'), pending }) : 'decided';
  const warned = counts?.warned ?? c?.warningCount ?? 0;
  const statusTag = c ? <Tag color={c.status === 'pending' ? 'processing' : c.status === 'approved' ? 'success' : 'error'}>{{ pending: r.statusPending, approved: r.statusApproved, rejected: r.statusRejected }[c.status]}</Tag> : null;

  const footer = c && (
    <ReviewDecision
      target={{ kind: 'change-set', id, confirmWarnings: warned > 0 }}
      availability={availability}
      approveBlockedBy={warningsConfirmed(warned, confirmed) ? null : r.approveNeedsWarnings}
      onDone={onClose}
    />
  );

  const sectionHelp: Record<Section, string> = { added: m.sectionHelpAdded, changed: m.sectionHelpChanged, withdrawn: m.sectionHelpWithdrawn };

  return (
    <ReviewDrawer title={format(m.drawerTitle, { source: c?.sourceName ?? '' })} extra={statusTag} footer={availability === 'decided' ? null : footer} onClose={onClose}>
      <ApiErrorAlert error={changeSet.error} />
      {!c ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            column={3}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { key: 'list', label: m.summaryList, children: <ListTag list={c.list} /> },
              { key: 'category', label: m.summaryCategory, children: c.category ?? r.allCategories },
              { key: 'source', label: m.summarySource, children: c.sourceName },
              { key: 'submitter', label: m.summarySubmitter, children: personName(c.submittedByName, r.unknownUser) },
              { key: 'submittedAt', label: m.summarySubmittedAt, children: formatTime(c.submittedAt) },
              { key: 'rows', label: m.summaryRows, children: format(m.summaryRowsValue, { rows: c.rowCount, accepted: c.acceptedCount, refused: c.rejectedCount }) },
            ]}
          />
          {!pending && (
            <Alert
              type={c.status === 'approved' ? 'success' : 'error'}
              showIcon
              title={format(r.decidedBy, { name: personName(c.reviewedByName, r.unknownUser), time: formatTime(c.reviewedAt), verdict: c.status === 'approved' ? r.statusApproved : r.statusRejected })}
              description={c.reviewComment || undefined}
              style={{ marginBottom: 16 }}
            />
          )}
          {pending && availability === 'decide' && warned > 0 && <WarningsChecklist changeSetId={id} warnedCount={warned} confirmed={confirmed} onChange={setConfirmed} />}
          <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
            <Segmented<Section>
              value={section}
              onChange={setSection}
              options={[
                { value: 'added', label: `${m.sectionAdded} ${counts?.added ?? '…'}` },
                { value: 'changed', label: `${m.sectionChanged} ${counts?.changed ?? '…'}` },
                { value: 'withdrawn', label: `${m.sectionWithdrawn} ${counts?.withdrawn ?? '…'}` },
              ]}
              data-testid="row-sections"
            />
            <Typography.Text type="secondary">{sectionHelp[section]}</Typography.Text>
          </Flex>
          <ChangeSetRowsTable key={section} changeSetId={id} section={section} today={today} />
          <RefusedRows issues={c.report.rejected} refusedRows={c.rejectedCount} />
        </>
      )}
    </ReviewDrawer>
  );
}
