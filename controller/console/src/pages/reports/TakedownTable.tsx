// The withdrawals found, newest first: who and what, when and why, the takedown publish, and how many
// screens have dropped the entry.

import { Button, Flex, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { format } from '../../i18n/messages.ts';
import { formatInstant } from './report-format.ts';
import type { Takedown } from './takedown-api.ts';
import { ackPercent, takedownStanding } from './takedown-format.ts';
import { useTakedownLabels } from './takedown-labels.ts';
import { useTakedownMessages } from './takedown-messages.ts';
import { TakedownStandingTag } from './TakedownStandingTag.tsx';

export interface TakedownPage {
  page: number;
  pageSize: number;
}

export function TakedownTable({ items, total, loading, page, onPage, onOpen }: { items: Takedown[]; total: number; loading: boolean; page: TakedownPage; onPage: (page: TakedownPage) => void; onOpen: (entryId: string) => void }) {
  const m = useTakedownMessages();
  const labels = useTakedownLabels();
  const small = { fontSize: 12 } as const;
  // The subject takes what the fixed columns leave: about 230 px at 1440.
  const columns: TableColumnsType<Takedown> = [
    {
      title: m.colSubject,
      key: 'subject',
      render: (_, t) => (
        <Flex vertical>
          <Typography.Text strong>{t.subjectName}</Typography.Text>
          {t.code && <Typography.Text type="secondary" style={{ ...small, fontFamily: 'monospace' }}>{t.code}</Typography.Text>}
        </Flex>
      ),
    },
    { title: m.colList, key: 'list', width: 150, render: (_, t) => <Flex vertical align="flex-start"><Tag color={t.list === 'red' ? 'red' : 'default'}>{labels.list(t.list)}</Tag><Typography.Text type="secondary" style={small}>{t.category}</Typography.Text></Flex> },
    { title: m.colWithdrawn, key: 'withdrawnAt', width: 170, render: (_, t) => <Flex vertical><span>{formatInstant(t.withdrawnAt)}</span><Typography.Text type="secondary" style={small}>{labels.user(t.withdrawnBy)}</Typography.Text></Flex> },
    { title: m.colReason, key: 'reason', width: 90, render: (_, t) => labels.reason(t.reason) },
    { title: m.colPublish, key: 'publish', width: 150, render: (_, t) => (t.publish ? <Flex vertical><span>{format(m.publishVersion, { version: t.publish.manifestVersion })}</span><Typography.Text type="secondary" style={small}>{formatInstant(t.publish.publishedAt)}</Typography.Text></Flex> : '—') },
    {
      title: m.colScreens,
      key: 'screens',
      width: 180,
      render: (_, t) => (t.screens === null ? '—' : t.screens.total === 0 ? <Typography.Text type="secondary">{m.noScreens}</Typography.Text> : (
        <Flex vertical gap={2}>
          <Progress percent={ackPercent(t.screens)} size="small" strokeColor={t.screens.pending > 0 ? '#faad14' : '#52c41a'} showInfo={false} />
          <Typography.Text style={small}>{format(m.ackCount, { acked: t.screens.acked, total: t.screens.total })}</Typography.Text>
        </Flex>
      )),
    },
    { title: m.colStanding, key: 'standing', width: 120, render: (_, t) => <TakedownStandingTag standing={takedownStanding(t.state, t.screens)} /> },
    { title: m.colActions, key: 'actions', width: 70, render: (_, t) => <Button size="small" onClick={() => onOpen(t.entryId)}>{m.details}</Button> },
  ];
  return (
    <Table<Takedown>
      rowKey="entryId"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: m.empty }}
      onRow={(t) => ({ onDoubleClick: () => onOpen(t.entryId) })}
      pagination={{ current: page.page, pageSize: page.pageSize, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (count) => format(m.total, { count }), onChange: (p, pageSize) => onPage({ page: p, pageSize }) }}
      data-testid="takedown-table"
    />
  );
}
