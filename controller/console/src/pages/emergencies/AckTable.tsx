// One notice's screens and their acks, refreshed every 2 s while it runs: "已确认 12 / 15", and
// each screen showing it, waiting for its confirmation, or offline until it reconnects.

import { Badge, Card, Col, Progress, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { ackDelayMs, ackSummary, screenAckState, screensForWatching, type EmergencyScreen, type ScreenAckState } from './ack-summary.ts';
import { useEmergency } from './emergency-api.ts';
import { emergencyTitle } from './emergency-format.ts';
import { useEmergencyMessages } from './emergency-messages.ts';

const time = (ms: number | null) => (ms === null ? '—' : dayjs(ms).format('MM-DD HH:mm:ss'));

export function AckTable({ emergencyId, extra }: { emergencyId: string; extra?: ReactNode }) {
  const m = useEmergencyMessages();
  const emergency = useEmergency(emergencyId);
  const e = emergency.data;
  const screens = e ? screensForWatching(e.screens) : [];
  const summary = ackSummary(screens);

  const stateView = (screen: EmergencyScreen) => {
    const state: ScreenAckState = screenAckState(screen);
    const views: Record<ScreenAckState, ReactNode> = {
      showing: <Badge status="success" text={m.stateShowing} />,
      waiting: <Badge status="processing" text={m.stateWaiting} />,
      offline: <Badge status="warning" text={m.stateOffline} />,
      ended: <Badge status="default" text={screen.ackedAt === null ? m.stateEndedUnacked : m.stateEnded} />,
    };
    return views[state];
  };

  const columns: TableColumnsType<EmergencyScreen> = [
    { title: m.colScreen, key: 'name', render: (_, s) => <Typography.Text strong>{s.name}</Typography.Text> },
    { title: m.colState, key: 'state', width: 300, render: (_, s) => stateView(s) },
    { title: m.colTargetedAt, key: 'addedAt', width: 160, render: (_, s) => time(s.addedAt) },
    { title: m.colAckedAt, key: 'ackedAt', width: 160, render: (_, s) => time(s.ackedAt) },
    { title: m.colDelay, key: 'delay', width: 110, render: (_, s) => { const delay = ackDelayMs(s); return delay === null ? '—' : format(m.delaySeconds, { seconds: (delay / 1000).toFixed(1) }); } },
  ];

  return (
    <Card
      title={e ? format(m.acksHeading, { title: emergencyTitle(e.content) }) : ' '}
      extra={<>{e && <Typography.Text type="secondary" style={{ marginRight: 12 }}>{e.active ? m.acksLive : m.acksFinal}</Typography.Text>}{extra}</>}
      loading={emergency.isLoading}
      data-testid="ack-table"
    >
      <ApiErrorAlert error={emergency.error} />
      <Row gutter={24} align="middle" style={{ marginBottom: 16 }}>
        <Col flex="220px" data-testid="ack-summary" aria-label={format(m.acksShort, { acked: summary.acked, total: summary.total })}>
          <Statistic title={m.statAcked} value={summary.acked} suffix={`/ ${summary.total}`} />
        </Col>
        <Col flex="140px"><Statistic title={m.statWaiting} value={summary.waiting} /></Col>
        <Col flex="140px"><Statistic title={m.statOffline} value={summary.offline} /></Col>
        <Col flex="auto">
          <Progress percent={summary.percent} status={e?.active ? 'active' : 'normal'} strokeColor="#389e0d" />
        </Col>
      </Row>
      <Table<EmergencyScreen> rowKey="screenId" size="small" columns={columns} dataSource={screens} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: m.noScreens }} />
    </Card>
  );
}
