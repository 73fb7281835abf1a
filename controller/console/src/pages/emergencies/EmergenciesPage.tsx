// Emergency notices: those on screen now with their ack counts, the per-screen acks of the one
// being watched (refreshed every 2 s), the history, and — for approvers and admins — sending and ending.
// The watched notice lives in the address (?watch=…), so the ack table survives a reload.

import { AlertOutlined, CheckCircleFilled } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { AckTable } from './AckTable.tsx';
import { ActiveEmergencyCard } from './ActiveEmergencyCard.tsx';
import { useEmergencies, useScreenGroups } from './emergency-api.ts';
import { EmergencyForm } from './EmergencyForm.tsx';
import { EmergencyHistory } from './EmergencyHistory.tsx';
import { useEmergencyMessages } from './emergency-messages.ts';

/** The running times on the cards tick at this pace; the data itself is polled by the queries. */
const CLOCK_TICK_MS = 1_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export default function EmergenciesPage() {
  const m = useEmergencyMessages();
  const { can } = useSession();
  const { message } = App.useApp();
  const canManage = can('emergencies.manage');
  const emergencies = useEmergencies();
  const groups = useScreenGroups(true);
  const [params, setParams] = useSearchParams();
  const [formOpen, setFormOpen] = useState(false);
  const now = useNow();

  const items = emergencies.data ?? [];
  const active = items.filter((e) => e.active);
  const watched = params.get('watch') ?? active[0]?.id ?? null;
  const watch = (id: string) => setParams({ watch: id });

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        actions={canManage && <Button type="primary" danger icon={<AlertOutlined />} onClick={() => setFormOpen(true)}>{m.newEmergency}</Button>}
      />
      <ApiErrorAlert error={emergencies.error ?? groups.error} />
      <Typography.Title level={5}>{m.activeHeading}</Typography.Title>
      {active.length === 0 ? (
        <Card size="small" style={{ marginBottom: 16 }} loading={emergencies.isLoading}>
          <Flex align="center" gap={8} data-testid="no-active-emergency">
            <CheckCircleFilled style={{ color: '#389e0d' }} />
            <Typography.Text type="secondary">{m.noActive}</Typography.Text>
          </Flex>
        </Card>
      ) : (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {active.map((e) => (
            <ActiveEmergencyCard key={e.id} emergency={e} groups={groups.data ?? []} selected={e.id === watched} canManage={canManage} now={now} onWatch={() => watch(e.id)} />
          ))}
        </Flex>
      )}
      {watched && (
        <div style={{ marginBottom: 16 }}>
          <AckTable key={watched} emergencyId={watched} extra={params.get('watch') && !active.some((e) => e.id === watched) ? <Button size="small" onClick={() => setParams({})}>{m.closeAcks}</Button> : null} />
        </div>
      )}
      <Card title={m.historyHeading} size="small">
        <EmergencyHistory items={items} groups={groups.data ?? []} loading={emergencies.isLoading} onWatch={watch} />
      </Card>
      {formOpen && (
        <EmergencyForm
          onClose={() => setFormOpen(false)}
          onSent={(id, screens) => {
            setFormOpen(false);
            void message.success(format(m.sentToast, { count: screens }));
            watch(id);
          }}
        />
      )}
    </>
  );
}
