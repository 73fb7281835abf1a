// Above an editor opened on a submitted item: its status, the reviewer's comment, and that edits become a new item.

import { Alert } from 'antd';
import { format } from '../../i18n/messages.ts';
import type { ContentItem } from './content-items.ts';
import { useContentMessages } from './content-messages.ts';

export function ExistingItemNotice({ item, note }: { item: ContentItem; note: string }) {
  const m = useContentMessages();
  const comment = item.reviewComment ? format(m.reviewComment, { comment: item.reviewComment }) : null;
  const reviewer = item.reviewedByName ? format(m.reviewedBy, { name: item.reviewedByName }) : null;
  return (
    <Alert
      type={item.status === 'rejected' ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={format(m.statusLine, { status: m[`status.${item.status}`] })}
      description={
        <>
          {(reviewer || comment) && <div>{[reviewer, comment].filter(Boolean).join('  ')}</div>}
          <div>{note}</div>
        </>
      }
      data-testid="existing-item-notice"
    />
  );
}
