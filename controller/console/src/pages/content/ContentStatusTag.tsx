// A content item's review status as a coloured tag; a rejection shows the reviewer's comment on hover.

import { Tag, Tooltip } from 'antd';
import { format } from '../../i18n/messages.ts';
import type { ContentStatus } from './content-items.ts';
import { useContentMessages } from './content-messages.ts';

const COLOURS: Record<ContentStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', retired: 'default' };

export function ContentStatusTag({ status, comment }: { status: ContentStatus; comment?: string | null }) {
  const m = useContentMessages();
  const tag = <Tag color={COLOURS[status]} data-testid="content-status" data-status={status}>{m[`status.${status}`]}</Tag>;
  return status === 'rejected' && comment ? <Tooltip title={format(m.reviewComment, { comment })}>{tag}</Tooltip> : tag;
}
