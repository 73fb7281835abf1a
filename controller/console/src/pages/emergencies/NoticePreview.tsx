// How the notice will read on a screen: the emergency banner with its title and text (or the chosen slide's).

import { AlertFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEmergencyMessages } from './emergency-messages.ts';

export function NoticePreview({ title, body }: { title: string; body: string }) {
  const m = useEmergencyMessages();
  return (
    <div>
      <Typography.Text type="secondary">{m.formPreview}</Typography.Text>
      <div style={{ marginTop: 6, background: '#a8071a', color: '#fff', borderRadius: 6, padding: '18px 22px', minHeight: 96 }} data-testid="notice-preview">
        <div style={{ fontSize: 22, fontWeight: 700, display: 'flex', alignItems: 'center', gap: 10 }}>
          <AlertFilled style={{ color: '#ffd666' }} />
          <span style={{ overflowWrap: 'anywhere' }}>{title || '—'}</span>
        </div>
        {body && <div style={{ fontSize: 16, marginTop: 8, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{body}</div>}
      </div>
    </div>
  );
}
