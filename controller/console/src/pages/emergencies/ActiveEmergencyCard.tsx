// A notice on screen now: what it says, where, since when, how many screens confirmed, and its actions.

import { AlertFilled, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { format } from '../../i18n/messages.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { ackSummary } from './ack-summary.ts';
import type { Emergency, ScreenGroup } from './emergency-api.ts';
import { emergencyBody, emergencyTitle, formatDuration } from './emergency-format.ts';
import { useEmergencyMessages } from './emergency-messages.ts';
import { EmergencyTargetText } from './EmergencyTargetText.tsx';
import { EndEmergencyButton } from './EndEmergencyButton.tsx';

interface ActiveEmergencyCardProps {
  emergency: Emergency;
  groups: readonly ScreenGroup[];
  selected: boolean;
  canManage: boolean;
  now: number;
  onWatch: () => void;
}

export function ActiveEmergencyCard({ emergency, groups, selected, canManage, now, onWatch }: ActiveEmergencyCardProps) {
  const m = useEmergencyMessages();
  const { locale } = useLocale();
  const summary = ackSummary(emergency.screens);
  return (
    <Card
      size="small"
      style={{ borderColor: '#b3261e', borderLeftWidth: 4, background: selected ? '#fff1f0' : '#fff' }}
      data-testid={`active-emergency-${emergency.id}`}
    >
      <Flex justify="space-between" align="flex-start" gap={24}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Space size={8} align="center">
            <AlertFilled style={{ color: '#b3261e', fontSize: 18 }} />
            <Typography.Text strong style={{ fontSize: 16 }}>{emergencyTitle(emergency.content)}</Typography.Text>
            <Tag color="red">{emergency.content.kind === 'text' ? m.kindText : m.kindSlide}</Tag>
          </Space>
          {emergencyBody(emergency.content) && <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 4px' }}>{emergencyBody(emergency.content)}</Typography.Paragraph>}
          <Typography.Text type="secondary">
            <EmergencyTargetText target={emergency.target} groups={groups} />
            {' · '}
            {format(m.startedLine, { name: emergency.startedByName ?? '—', time: dayjs(emergency.startedAt).format('YYYY-MM-DD HH:mm:ss') })}
            {' · '}
            {format(m.runningFor, { duration: formatDuration(now - emergency.startedAt, locale) })}
          </Typography.Text>
        </div>
        <Flex vertical align="flex-end" gap={8} style={{ width: 260 }}>
          <Progress percent={summary.percent} size="small" strokeColor="#389e0d" showInfo={false} />
          <Typography.Text strong>{format(m.acksShort, { acked: summary.acked, total: summary.total })}</Typography.Text>
          <Space>
            <Button icon={<EyeOutlined />} onClick={onWatch} type={selected ? 'primary' : 'default'} ghost={selected}>{m.watchAcks}</Button>
            {canManage && <EndEmergencyButton emergency={emergency} />}
          </Space>
        </Flex>
      </Flex>
    </Card>
  );
}
