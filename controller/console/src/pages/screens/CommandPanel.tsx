// Buttons for every remote command (disruptive ones ask first) and the history of what was sent and answered.

import { AimOutlined, CameraOutlined, ClearOutlined, PoweroffOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { CommandKind } from '../../../../../shared/protocol/commands.ts';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { CommandHistory } from './CommandHistory.tsx';
import { useCommandMessages } from './command-messages.ts';
import { COMMAND_ORDER, isDisruptive } from './command-results.ts';
import { screenKeys, type CommandView } from './screens-api.ts';

const ICONS: Record<CommandKind, ReactNode> = {
  screenshot: <CameraOutlined />,
  identify: <AimOutlined />,
  'sync-now': <SyncOutlined />,
  'reload-display': <ReloadOutlined />,
  'clear-cache': <ClearOutlined />,
  'restart-player': <PoweroffOutlined />,
};

interface Props {
  screen: { id: string; name: string; revoked: boolean };
  commands: { data: readonly CommandView[] | undefined; isPending: boolean; error: unknown };
}

export function CommandPanel({ screen, commands }: Props) {
  const m = useCommandMessages();
  const { message } = App.useApp();
  const { can, user } = useSession();
  const queryClient = useQueryClient();
  const maySend = can('screens.command') && !screen.revoked;
  const userNames = useMemo(() => new Map([[user.id, user.displayName]]), [user]);

  const send = useMutation({
    mutationFn: (kind: CommandKind) => api.post<{ commandId: string; status: string }>(`/api/v1/screens/${encodeURIComponent(screen.id)}/commands`, { kind }),
    onSuccess: (answer, kind) => {
      const text = format(answer.status === 'queued' ? m.queuedOffline : m.sent, { kind: m[`kind.${kind}`] });
      void (answer.status === 'queued' ? message.warning(text) : message.success(text));
      void queryClient.invalidateQueries({ queryKey: screenKeys.commands(screen.id) });
    },
  });

  const button = (kind: CommandKind) => {
    const props = { icon: ICONS[kind], loading: send.isPending && send.variables === kind, danger: kind === 'restart-player', 'data-testid': `command-${kind}` };
    if (!isDisruptive(kind)) return <Button key={kind} {...props} onClick={() => send.mutate(kind)}>{m[`kind.${kind}`]}</Button>;
    return (
      <Popconfirm
        key={kind}
        title={format(m.confirmTitle, { kind: m[`kind.${kind}`], name: screen.name })}
        description={<Typography.Paragraph style={{ maxWidth: 320, margin: 0 }}>{m[`confirm.${kind}`]}</Typography.Paragraph>}
        okText={m.confirmOk}
        cancelText={m.cancel}
        okButtonProps={{ danger: true }}
        onConfirm={() => send.mutate(kind)}
      >
        <Button {...props}>{m[`kind.${kind}`]}</Button>
      </Popconfirm>
    );
  };

  return (
    <Card title={m.title} size="small">
      {maySend ? (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>{COMMAND_ORDER.map(button)}</Flex>
      ) : (
        <Alert type="info" showIcon title={screen.revoked ? m.revokedNote : m.noPermission} style={{ marginBottom: 16 }} />
      )}
      <ApiErrorAlert error={send.error ?? commands.error} />
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>{m.historyTitle}</Typography.Text>
      <CommandHistory commands={commands.data ?? []} loading={commands.isPending} userNames={userNames} />
    </Card>
  );
}
