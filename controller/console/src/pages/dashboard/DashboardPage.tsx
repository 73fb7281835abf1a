// The overview every role lands on: what is published, how many screens are connected, and the
// shortcuts to this user's own work.

import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useNavMessages } from '../../app/nav-messages.ts';
import { CONSOLE_PAGES } from '../../app/pages.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { defineMessages, format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';

interface Health {
  version: string;
  manifestVersion: number;
  listRevision: number;
  screensConnected: number;
}

const useMessages = defineMessages(
  { title: '总览', welcome: '{name}，您好', version: '软件版本', listRevision: '名单修订号', manifestVersion: '发布版本', screens: '在线屏幕', shortcuts: '我的工作' },
  { title: 'Overview', welcome: 'Hello, {name}', version: 'Software version', listRevision: 'List revision', manifestVersion: 'Published version', screens: 'Screens connected', shortcuts: 'My work' },
);

export default function DashboardPage() {
  const m = useMessages();
  const nav = useNavMessages();
  const { user, can } = useSession();
  const health = useQuery({ queryKey: ['health'], queryFn: () => api.get<Health>('/api/v1/health'), refetchInterval: 10_000 });
  const shortcuts = CONSOLE_PAGES.filter((p) => p.inMenu && p.path !== '' && (p.permission === null || can(p.permission)));

  return (
    <>
      <PageHeader title={m.title} subtitle={format(m.welcome, { name: user.displayName })} />
      <ApiErrorAlert error={health.error} />
      <Row gutter={16}>
        <Col span={6}><Card><Statistic title={m.screens} value={health.data?.screensConnected ?? '—'} /></Card></Col>
        <Col span={6}><Card><Statistic title={m.manifestVersion} value={health.data?.manifestVersion ?? '—'} /></Card></Col>
        <Col span={6}><Card><Statistic title={m.listRevision} value={health.data?.listRevision ?? '—'} /></Card></Col>
        <Col span={6}><Card><Statistic title={m.version} value={health.data?.version ?? '—'} /></Card></Col>
      </Row>
      <Typography.Title level={4} style={{ marginTop: 24 }}>{m.shortcuts}</Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((p) => (
          <Col span={6} key={p.path}>
            <Link to={`/${p.path}`}><Card hoverable size="small">{p.icon} <span style={{ marginLeft: 8 }}>{nav[p.label]}</span></Card></Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
