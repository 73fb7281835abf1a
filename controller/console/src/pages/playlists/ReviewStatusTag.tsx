// A playlist's or schedule's review status as a coloured tag, with the reviewer's comment on a rejection.

import { Tag, Tooltip } from 'antd';
import type { ReviewStatus } from './programme-api.ts';
import { useProgrammeMessages } from './programme-messages.ts';

const COLOURS: Record<ReviewStatus, string> = {
  pending: 'gold',
  approved: 'green',
  'approved-with-change': 'cyan',
  rejected: 'red',
  retired: 'default',
};

export function ReviewStatusTag({ status, comment }: { status: ReviewStatus; comment?: string | null }) {
  const m = useProgrammeMessages();
  const tag = <Tag color={COLOURS[status]} data-testid="review-status">{m[`status.${status}`]}</Tag>;
  return status === 'rejected' && comment ? <Tooltip title={comment}>{tag}</Tooltip> : tag;
}
