// A screen's last 24 hours: presence as a bar, and CPU, memory, player memory and free disk as charts.

import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { HealthChart } from './HealthChart.tsx';
import { useHealthMessages } from './health-messages.ts';
import { healthSeries, onlineShare, presenceSpans } from './health-series.ts';
import { PresenceBar } from './PresenceBar.tsx';
import { useScreenHealth } from './screens-api.ts';
import { formatPercent } from './units.ts';

export function HealthHistory({ screenId, allowed }: { screenId: string; allowed: boolean }) {
  const m = useHealthMessages();
  const health = useScreenHealth(screenId, allowed);
  const data = health.data;
  const points = useMemo(() => healthSeries(data?.heartbeats ?? []), [data]);
  const spans = useMemo(() => (data ? presenceSpans(data.window, data.statusAtFrom, data.transitions) : []), [data]);

  if (!allowed) return <Card title={m.title} size="small"><Typography.Text type="secondary">{m.noPermission}</Typography.Text></Card>;
  if (health.isPending) return <Card title={m.title} size="small"><Skeleton active /></Card>;
  if (health.isError || !data) return <Card title={m.title} size="small"><ApiErrorAlert error={health.error} /></Card>;

  const share = onlineShare(spans);
  const wentOffline = data.transitions.filter((t) => t.status === 'offline').length;
  return (
    <Card
      title={m.title}
      size="small"
      extra={<Typography.Text type="secondary">{format(m.samples, { count: points.length })}</Typography.Text>}
      data-testid="health-history"
    >
      {(data.truncated.heartbeats || data.truncated.transitions) && <Alert type="info" showIcon title={m.truncated} style={{ marginBottom: 12 }} />}
      <Flex justify="space-between" style={{ marginBottom: 4 }}>
        <Typography.Text strong style={{ fontSize: 13 }}>{m.presence}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {share === null ? m.unknown : format(m.onlineShare, { percent: formatPercent(share) })} · {format(m.offlineChanges, { count: wentOffline })}
        </Typography.Text>
      </Flex>
      <PresenceBar spans={spans} window={data.window} />
      {points.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noSamples} />
      ) : (
        <Row gutter={[24, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} lg={12}><HealthChart title={m.cpu} points={points} figure="cpuPercent" color="#1677ff" window={data.window} domain={[0, 100]} /></Col>
          <Col xs={24} lg={12}><HealthChart title={m.memory} points={points} figure="memoryPercent" color="#722ed1" window={data.window} domain={[0, 100]} /></Col>
          <Col xs={24} lg={12}><HealthChart title={m.rss} points={points} figure="rssMb" color="#13c2c2" window={data.window} /></Col>
          <Col xs={24} lg={12}><HealthChart title={m.disk} points={points} figure="diskFreeGb" color="#fa8c16" window={data.window} /></Col>
        </Row>
      )}
    </Card>
  );
}
