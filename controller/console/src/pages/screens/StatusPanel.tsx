// A screen's status card: condition and since when, connection, versions, and the machine figures of its latest heartbeat.

import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import type { ScreenCondition, ScreenProblem } from '../../../../../shared/screens/screen-condition.ts';
import { format } from '../../i18n/messages.ts';
import { ConditionBadge } from './ConditionBadge.tsx';
import { useDetailMessages } from './detail-messages.ts';
import { problemText } from './ProblemText.tsx';
import type { ScreenView } from './screens-api.ts';
import { useStatusMessages } from './status-messages.ts';
import { formatBytes, formatDuration, formatTime, fromNow } from './units.ts';
import { VersionText } from './VersionText.tsx';

interface Props {
  screen: ScreenView;
  condition: ScreenCondition;
  problem: ScreenProblem | null;
  currentVersion: number;
  now: number;
  defaultTimeZone: string | null;
}

export function StatusPanel({ screen, condition, problem, currentVersion, now, defaultTimeZone }: Props) {
  const m = useDetailMessages();
  const s = useStatusMessages();
  const beat = screen.health;
  const units = { day: m.unitDay, hour: m.unitHour, minute: m.unitMinute };
  const memory = beat?.memoryTotalBytes && beat.memoryFreeBytes !== null ? format(m.memoryValue, { used: formatBytes(beat.memoryTotalBytes - beat.memoryFreeBytes), total: formatBytes(beat.memoryTotalBytes) }) : '—';
  return (
    <Card title={m.statusTitle} size="small" style={{ height: '100%' }}>
      {problem && <Alert type="error" showIcon title={problemText(problem, s)} style={{ marginBottom: 12 }} data-testid="screen-problem" />}
      <Descriptions size="small" column={2} bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={m.status}>
          <Space size={8} wrap>
            <ConditionBadge condition={condition} />
            {screen.statusChangedAt !== null && <Typography.Text type="secondary">{format(m.since, { when: formatTime(screen.statusChangedAt) })}</Typography.Text>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={m.lastSeen}><span title={formatTime(screen.lastSeenAt)}>{screen.lastSeenAt === null ? s.never : fromNow(screen.lastSeenAt, now)}</span></Descriptions.Item>
        <Descriptions.Item label={m.version}><VersionText applied={screen.manifestVersion} current={currentVersion} /></Descriptions.Item>
        <Descriptions.Item label={m.listRevision}>{screen.listRevision}</Descriptions.Item>
        <Descriptions.Item label={m.connected}>{screen.connected ? m.connectedYes : m.connectedNo}</Descriptions.Item>
        <Descriptions.Item label={m.resolution}>{beat?.resolution ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={m.appVersion}>{beat?.appVersion ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={m.clockOffset}>{beat ? format(m.clockOffsetValue, { ms: Math.round(beat.clockOffsetMs) }) : '—'}</Descriptions.Item>
        <Descriptions.Item label={m.uptime}>{formatDuration(beat?.uptimeSeconds, units)}</Descriptions.Item>
        <Descriptions.Item label={m.systemUptime}>{formatDuration(beat?.systemUptimeSeconds, units)}</Descriptions.Item>
        <Descriptions.Item label={m.memory}>{memory}</Descriptions.Item>
        <Descriptions.Item label={m.diskFree}>{formatBytes(beat?.diskFreeBytes)}</Descriptions.Item>
        <Descriptions.Item label={m.cache}>{formatBytes(beat?.cacheBytes)}</Descriptions.Item>
        <Descriptions.Item label={m.renderer}>{beat?.rendererRestarts ? format(m.rendererValue, { count: beat.rendererRestarts.count }) : '—'}</Descriptions.Item>
        <Descriptions.Item label={m.timeZone}>{screen.timeZone ?? defaultTimeZone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={m.paired}>{formatTime(screen.pairedAt)}</Descriptions.Item>
        <Descriptions.Item label={m.screenId}><Typography.Text copyable style={{ fontSize: 12 }}>{screen.id}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={m.deviceId}><Typography.Text copyable style={{ fontSize: 12 }}>{screen.deviceId}</Typography.Text></Descriptions.Item>
      </Descriptions>
      {!beat && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{m.noHeartbeat}</Typography.Text>}
    </Card>
  );
}
