// One withdrawal in full: when and why it was withdrawn, the publish that took it off the screens,
// and every screen in service with the time it dropped the entry, pending ones first.

import { Alert, Badge, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { format } from '../../i18n/messages.ts';
import { formatInstant, formatSpan } from './report-format.ts';
import { useTakedown, type ScreenAck, type Takedown } from './takedown-api.ts';
import { ackDelay, takedownStanding } from './takedown-format.ts';
import { useTakedownLabels } from './takedown-labels.ts';
import { useTakedownMessages } from './takedown-messages.ts';
import { TakedownStandingTag } from './TakedownStandingTag.tsx';

function ScreenAcks({ takedown, acks }: { takedown: Takedown; acks: ScreenAck[] }) {
  const m = useTakedownMessages();
  const { locale } = useLocale();
  const columns: TableColumnsType<ScreenAck> = [
    { title: m.colScreen, dataIndex: 'name', key: 'name' },
    { title: m.colConnection, key: 'status', width: 90, render: (_, a) => <Badge status={a.status === 'online' ? 'success' : 'default'} text={a.status === 'online' ? m.online : m.offline} /> },
    {
      title: m.colAckedAt,
      key: 'ackedAt',
      width: 200,
      render: (_, a) => (!a.acked ? <Tag color="warning">{m.pending}</Tag> : a.ackedAt === null ? <Typography.Text type="secondary">{m.ackedUnknown}</Typography.Text> : formatInstant(a.ackedAt)),
    },
    {
      title: m.colDelay,
      key: 'delay',
      width: 120,
      render: (_, a) => {
        const delay = ackDelay(takedown.publish?.publishedAt, a.ackedAt);
        return delay === null ? '—' : formatSpan(delay, locale);
      },
    },
    { title: m.colRevision, dataIndex: 'listRevision', key: 'revision', width: 120, align: 'right' },
    { title: m.colLastSeen, key: 'lastSeen', width: 170, render: (_, a) => formatInstant(a.lastSeenAt) },
  ];
  return <Table<ScreenAck> rowKey="screenId" size="small" columns={columns} dataSource={acks} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: m.noScreens }} data-testid="screen-acks" />;
}

export function TakedownDrawer({ entryId, onClose }: { entryId: string | null; onClose: () => void }) {
  const m = useTakedownMessages();
  const labels = useTakedownLabels();
  const detail = useTakedown(entryId);
  const takedown = detail.data;
  const standing = takedown ? takedownStanding(takedown.state, takedown.screens) : null;
  return (
    <Drawer open={entryId !== null} onClose={onClose} size={920} title={m.drawerTitle} destroyOnHidden data-testid="takedown-drawer">
      <ApiErrorAlert error={detail.error} />
      {!takedown ? <Skeleton active /> : (
        <Flex vertical gap={16}>
          <Flex align="center" gap={12}>
            <Typography.Title level={4} style={{ margin: 0 }}>{takedown.subjectName}</Typography.Title>
            {standing && <TakedownStandingTag standing={standing} />}
          </Flex>
          {standing === 'not-published' && <Alert type="error" showIcon title={m.notPublishedHint} />}
          {standing === 'never-shown' && <Alert type="info" showIcon title={m.neverShownHint} />}
          {takedown.publish && takedown.publish.publishedAt < takedown.withdrawnAt && <Alert type="info" showIcon title={m.expiredFirst} />}
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'code', label: m.code, children: takedown.code ?? '—' },
              { key: 'category', label: m.category, children: `${labels.list(takedown.list)} · ${takedown.category}` },
              { key: 'withdrawnAt', label: m.withdrawnAt, children: formatInstant(takedown.withdrawnAt) },
              { key: 'withdrawnBy', label: m.withdrawnBy, children: labels.user(takedown.withdrawnBy) },
              { key: 'reason', label: m.reason, children: labels.reason(takedown.reason) },
              { key: 'note', label: m.note, children: takedown.note || m.noNote },
              { key: 'publish', label: m.takedownPublish, children: takedown.publish ? format(m.publishVersion, { version: takedown.publish.manifestVersion }) : '—' },
              { key: 'publishedAt', label: m.publishedAt, children: formatInstant(takedown.publish?.publishedAt) },
              { key: 'revision', label: m.listRevision, children: takedown.listRevision ?? '—' },
              {
                key: 'screens',
                label: m.colScreens,
                children: takedown.screens ? `${format(m.ackCount, { acked: takedown.screens.acked, total: takedown.screens.total })}${takedown.screens.pending > 0 ? ` · ${format(m.pendingCount, { count: takedown.screens.pending })}` : ''}` : '—',
              },
            ]}
          />
          {takedown.state === 'taken-down' && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>{m.screensHeading}</Typography.Title>
              <ScreenAcks takedown={takedown} acks={takedown.screenAcks} />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
