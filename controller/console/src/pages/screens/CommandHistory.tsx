// The screen's recent commands with who sent them and what the screen answered; pending ones poll until they finish.

import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, MinusCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { CommandStatus } from '../../../../../shared/protocol/commands.ts';
import { format } from '../../i18n/messages.ts';
import { useCommandMessages } from './command-messages.ts';
import { summarizeResult } from './command-results.ts';
import type { CommandView } from './screens-api.ts';
import { formatTime } from './units.ts';

const STATUS_LOOK: Record<CommandStatus, { color: string; icon: ReactNode }> = {
  queued: { color: 'default', icon: <ClockCircleOutlined /> },
  sent: { color: 'processing', icon: <SyncOutlined spin /> },
  succeeded: { color: 'success', icon: <CheckCircleOutlined /> },
  failed: { color: 'error', icon: <CloseCircleOutlined /> },
  expired: { color: 'default', icon: <MinusCircleOutlined /> },
};

function ResultCell({ command }: { command: CommandView }) {
  const m = useCommandMessages();
  if (command.error) return <Typography.Text type="danger">{command.error.message || command.error.code}</Typography.Text>;
  const summary = summarizeResult(command.result);
  if (!summary) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {format(m[summary.key], summary.values)}
      {summary.sync && <Typography.Text type="secondary">（{m[summary.sync]}）</Typography.Text>}
      {command.screenshotUrl && <Typography.Link href={command.screenshotUrl} target="_blank" style={{ marginInlineStart: 8 }}>{m.viewScreenshot}</Typography.Link>}
    </span>
  );
}

export function CommandHistory({ commands, loading, userNames }: { commands: readonly CommandView[]; loading: boolean; userNames: ReadonlyMap<string, string> }) {
  const m = useCommandMessages();
  const columns: TableColumnsType<CommandView> = [
    { title: m.colKind, dataIndex: 'kind', width: 130, render: (kind: CommandView['kind']) => m[`kind.${kind}`] },
    { title: m.colStatus, dataIndex: 'status', width: 110, render: (status: CommandStatus) => <Tag color={STATUS_LOOK[status].color} icon={STATUS_LOOK[status].icon} data-testid="command-status">{m[`status.${status}`]}</Tag> },
    { title: m.colRequested, dataIndex: 'requestedAt', width: 180, render: (at: number) => formatTime(at) },
    { title: m.colBy, dataIndex: 'requestedBy', width: 120, render: (id: string) => userNames.get(id) ?? <Tooltip title={id}><Typography.Text type="secondary">{format(m.otherUser, { short: id.slice(0, 8) })}</Typography.Text></Tooltip> },
    { title: m.colResult, key: 'result', render: (_, command) => <ResultCell command={command} /> },
  ];
  return <Table<CommandView> rowKey="id" size="small" columns={columns} dataSource={[...commands]} loading={loading} pagination={false} locale={{ emptyText: m.empty }} data-testid="command-history" />;
}
