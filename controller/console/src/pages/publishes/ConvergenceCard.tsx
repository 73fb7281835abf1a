// The newest publish at a glance: "1,998 / 2,000 屏幕已更新到版本 42", a progress bar, and how many are behind for each reason.

import { Card, Flex, Progress, Space, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { formatTime } from '../screens/units.ts';
import { groupDigits, progressTone, reachedPercent } from './convergence-figures.ts';
import { BEHIND_KINDS } from '../../../../../shared/screens/publish-convergence.ts';
import type { PublishSummary } from './publishes-api.ts';
import { usePublishesMessages } from './publishes-messages.ts';
import { ReasonTag } from './ReasonTag.tsx';

export function ConvergenceCard({ publish }: { publish: PublishSummary }) {
  const m = usePublishesMessages();
  const percent = reachedPercent(publish.reached, publish.total);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-end" gap={24} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="convergence-headline">
            {format(m.converged, { reached: groupDigits(publish.reached), total: groupDigits(publish.total), version: publish.version })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {format(m.publishedAt, { when: formatTime(publish.createdAt) })} · {format(m.listRevision, { revision: publish.listRevision })}
          </Typography.Text>
        </div>
        <Space size={4} wrap>
          {BEHIND_KINDS.filter((kind) => publish.behindByReason[kind] > 0).map((kind) => <ReasonTag key={kind} kind={kind} count={publish.behindByReason[kind]} />)}
        </Space>
      </Flex>
      <Progress percent={percent} status={progressTone(publish.reached, publish.total, publish.behindByReason)} size={['100%', 14]} style={{ marginTop: 12, marginBottom: 0 }} data-testid="convergence-progress" />
    </Card>
  );
}
