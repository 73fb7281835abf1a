// Audit events, newest first: when, who, what and on what; a row opens to its details and hashes.

import { Button, Card, Descriptions, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { format } from '../../i18n/messages.ts';
import type { AuditEvent } from './audit-api.ts';
import { useAuditLabels } from './audit-labels.ts';
import { useAuditMessages } from './audit-messages.ts';
import { formatInstant } from './report-format.ts';

function EventDetails({ event }: { event: AuditEvent }) {
  const m = useAuditMessages();
  const empty = event.details === null || (typeof event.details === 'object' && Object.keys(event.details as object).length === 0);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'details',
          label: m.details,
          children: empty ? <Typography.Text type="secondary">{m.noDetails}</Typography.Text> : <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{JSON.stringify(event.details, null, 2)}</pre>,
        },
        { key: 'target', label: m.colTarget, children: <Typography.Text code>{event.target}</Typography.Text> },
        { key: 'hash', label: m.hash, children: <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{event.hash}</Typography.Text> },
      ]}
    />
  );
}

export function AuditEventTable({ events, loading, hasMore, loadingMore, onMore }: { events: AuditEvent[]; loading: boolean; hasMore: boolean; loadingMore: boolean; onMore: () => void }) {
  const m = useAuditMessages();
  const labels = useAuditLabels();
  const columns: TableColumnsType<AuditEvent> = [
    { title: m.colSeq, dataIndex: 'seq', width: 80 },
    { title: m.colTime, key: 'at', width: 180, render: (_, e) => formatInstant(e.at) },
    { title: m.colActor, key: 'actor', width: 220, render: (_, e) => labels.actor(e) },
    { title: m.colAction, key: 'action', width: 220, render: (_, e) => <Flex vertical><span>{labels.action(e.action)}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.action}</Typography.Text></Flex> },
    { title: m.colTarget, key: 'target', render: (_, e) => labels.target(e) },
  ];
  return (
    <Card size="small" title={m.eventsHeading} extra={<Typography.Text type="secondary">{format(m.loadedCount, { count: events.length })}</Typography.Text>}>
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={events}
        loading={loading}
        pagination={false}
        expandable={{ expandedRowRender: (event) => <EventDetails event={event} />, expandRowByClick: true }}
        locale={{ emptyText: m.empty }}
        data-testid="audit-events"
      />
      {hasMore && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={onMore} loading={loadingMore}>{m.loadMore}</Button>
        </Flex>
      )}
    </Card>
  );
}
