// One screen on the board: name, condition, groups, content version, what it shows, when it was last heard from.

import { DesktopOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { BoardRow } from './board-row.ts';
import { ConditionBadge } from './ConditionBadge.tsx';
import { ProblemText } from './ProblemText.tsx';
import { useScreensMessages } from './screens-messages.ts';
import { ShowingText } from './ShowingText.tsx';
import { formatTime, fromNow } from './units.ts';
import { VersionText } from './VersionText.tsx';

const ACCENT: Record<BoardRow['condition'], string> = { online: '#52c41a', stale: '#faad14', error: '#ff4d4f', offline: '#bfbfbf', revoked: '#d9d9d9' };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{label}</Typography.Text>
      <div style={{ minWidth: 0, overflow: 'hidden' }}>{children}</div>
    </>
  );
}

export function ScreenCard({ screen, currentVersion, now }: { screen: BoardRow; currentVersion: number; now: number }) {
  const m = useScreensMessages();
  return (
    <Card
      size="small"
      data-testid="screen-card"
      data-screen-id={screen.id}
      style={{ height: '100%', borderTop: `3px solid ${ACCENT[screen.condition]}` }}
      title={
        <Link to={`/screens/${encodeURIComponent(screen.id)}`} style={{ color: 'inherit' }}>
          <Space size={6}><DesktopOutlined />{screen.name}</Space>
        </Link>
      }
      extra={<ConditionBadge condition={screen.condition} />}
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 6, alignItems: 'baseline' }}>
        <Field label={m.fieldGroups}>
          {screen.groups.length === 0 ? <Typography.Text type="secondary">{m.noGroup}</Typography.Text> : screen.groups.map((g) => <Tag key={g}>{g}</Tag>)}
        </Field>
        <Field label={m.fieldVersion}><VersionText applied={screen.manifestVersion} current={currentVersion} /></Field>
        <Field label={m.fieldShowing}><ShowingText onScreen={screen.condition === 'offline' ? null : screen.health?.onScreen} /></Field>
        <Field label={m.fieldLastSeen}><span title={formatTime(screen.lastSeenAt)}>{fromNow(screen.lastSeenAt, now)}</span></Field>
      </div>
      {screen.problem && <div style={{ marginTop: 8 }}><ProblemText problem={screen.problem} /></div>}
    </Card>
  );
}
