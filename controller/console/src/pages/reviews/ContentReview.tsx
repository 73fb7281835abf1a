// One content item under review: its preview and the verdict.

import { Descriptions, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { contentKindLabel } from './content-labels.ts';
import { ContentPreview } from './ContentPreview.tsx';
import type { PendingContent } from './review-api.ts';
import { formatTime, personName } from './review-format.ts';
import { useReviewMessages } from './review-messages.ts';
import { verdictAvailability } from './review-verdict.ts';
import { ReviewDecision } from './ReviewDecision.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';

export function ContentReview({ item, onClose }: { item: PendingContent; onClose: () => void }) {
  const m = useReviewMessages();
  const { user, can } = useSession();
  const availability = verdictAvailability({ authorId: item.submittedBy, userId: user.id, canReview: can('change-sets.review'), pending: true });
  return (
    <ReviewDrawer title={format(m.contentReviewTitle, { title: item.title })} footer={<ReviewDecision target={{ kind: 'content', id: item.id }} availability={availability} onDone={onClose} />} onClose={onClose}>
      <Descriptions
        size="small"
        column={3}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'kind', label: m.colKind, children: contentKindLabel(m, item.kind) },
          { key: 'submitter', label: m.colSubmitter, children: personName(item.submittedByName, m.unknownUser) },
          { key: 'submittedAt', label: m.colSubmittedAt, children: formatTime(item.submittedAt) },
        ]}
      />
      <Typography.Title level={5}>{m.previewHeading}</Typography.Title>
      <ContentPreview item={item} />
    </ReviewDrawer>
  );
}
