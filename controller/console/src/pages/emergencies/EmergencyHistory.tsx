// Every notice, newest first: what, where, who, when, for how long, and how many screens confirmed.

import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useLocale } from '../../i18n/locale.tsx';
import type { Emergency, ScreenGroup } from './emergency-api.ts';
import { emergencyTitle, formatDuration } from './emergency-format.ts';
import { useEmergencyMessages } from './emergency-messages.ts';
import { EmergencyTargetText } from './EmergencyTargetText.tsx';

const time = (ms: number | null) => (ms === null ? '—' : dayjs(ms).format('YYYY-MM-DD HH:mm'));

export function EmergencyHistory({ items, groups, loading, onWatch }: { items: Emergency[]; groups: readonly ScreenGroup[]; loading: boolean; onWatch: (id: string) => void }) {
  const m = useEmergencyMessages();
  const { locale } = useLocale();
  const columns: TableColumnsType<Emergency> = [
    { title: m.colTitle, key: 'title', render: (_, e) => <Typography.Text strong>{emergencyTitle(e.content)}</Typography.Text> },
    { title: m.colKind, key: 'kind', width: 100, render: (_, e) => (e.content.kind === 'text' ? m.kindText : m.kindSlide) },
    { title: m.colTarget, key: 'target', width: 220, ellipsis: true, render: (_, e) => <EmergencyTargetText target={e.target} groups={groups} /> },
    { title: m.colStartedBy, key: 'startedBy', width: 110, render: (_, e) => e.startedByName ?? '—' },
    { title: m.colStartedAt, key: 'startedAt', width: 150, render: (_, e) => time(e.startedAt) },
    { title: m.colEndedAt, key: 'endedAt', width: 150, render: (_, e) => (e.active ? <Tag color="red">{m.stillActive}</Tag> : time(e.endedAt)) },
    { title: m.colDuration, key: 'duration', width: 120, render: (_, e) => (e.endedAt === null ? '—' : formatDuration(e.endedAt - e.startedAt, locale)) },
    { title: m.colAcks, key: 'acks', width: 90, render: (_, e) => `${e.acked} / ${e.screens.length}` },
    { title: m.colActions, key: 'actions', width: 80, render: (_, e) => <Button size="small" onClick={() => onWatch(e.id)}>{m.view}</Button> },
  ];
  return (
    <Table<Emergency>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: m.noHistory }}
      data-testid="emergency-history"
    />
  );
}
