// Revoking a screen: its credentials are void for good, so the technician confirms with the screen's name in front of them.

import { StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { format } from '../../i18n/messages.ts';
import { useDetailMessages } from './detail-messages.ts';
import { screenKeys } from './screens-api.ts';

export function RevokeButton({ screen }: { screen: { id: string; name: string } }) {
  const m = useDetailMessages();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const revoke = useMutation({
    mutationFn: () => api.post(`/api/v1/screens/${encodeURIComponent(screen.id)}/revoke`),
    onSuccess: () => {
      void message.success(format(m.revoked, { name: screen.name }));
      void queryClient.invalidateQueries({ queryKey: screenKeys.fleet });
      void navigate('/screens');
    },
    onError: (error) => void message.error(error.message),
  });
  const confirm = () =>
    modal.confirm({
      title: format(m.revokeTitle, { name: screen.name }),
      content: m.revokeBody,
      okText: m.revokeOk,
      okButtonProps: { danger: true },
      cancelText: m.cancel,
      onOk: () => revoke.mutateAsync(),
    });
  return <Button danger icon={<StopOutlined />} onClick={confirm} loading={revoke.isPending} data-testid="revoke-screen">{m.revoke}</Button>;
}
