// A changed entry's differences from the subject's earlier entry: one line per field, old → new.

import { ArrowRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useChangeSetMessages } from './change-set-messages.ts';
import { fieldLabel } from './entry-labels.ts';
import type { FieldChange } from './entry-diff.ts';

export function FieldChanges({ changes }: { changes: readonly FieldChange[] }) {
  const m = useChangeSetMessages();
  if (changes.length === 0) return <Typography.Text type="secondary">{m.noFieldChanges}</Typography.Text>;
  const value = (text: string | null) => (text === null || text.trim() === '' ? m.emptyValue : text);
  return (
    <div data-testid="field-changes">
      {changes.map((change) => (
        <div key={change.field} style={{ lineHeight: '22px' }}>
          <Typography.Text type="secondary">{fieldLabel(m, change.field)}：</Typography.Text>
          <Typography.Text delete type="secondary">{value(change.before)}</Typography.Text>
          <ArrowRightOutlined style={{ margin: '0 6px', color: '#8c8c8c', fontSize: 11 }} />
          <Typography.Text mark>{value(change.after)}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
