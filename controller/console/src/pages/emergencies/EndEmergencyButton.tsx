// Ends a running notice after a confirmation that names it; the screens return to their programme.

import { StopOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useEndEmergency, type Emergency } from './emergency-api.ts';
import { emergencyTitle } from './emergency-format.ts';
import { useEmergencyMessages } from './emergency-messages.ts';

export function EndEmergencyButton({ emergency }: { emergency: Emergency }) {
  const m = useEmergencyMessages();
  const { modal, message } = App.useApp();
  const end = useEndEmergency();
  const confirm = () =>
    modal.confirm({
      title: format(m.endTitle, { title: emergencyTitle(emergency.content) }),
      content: m.endBody,
      okText: m.endConfirm,
      okButtonProps: { danger: true },
      cancelText: m.cancel,
      // Rejecting keeps the dialog open, with the server's reason shown as a toast.
      onOk: () =>
        end.mutateAsync(emergency.id).then(
          () => void message.success(m.endedToast),
          (error: unknown) => {
            void message.error(error instanceof Error ? error.message : String(error));
            throw error;
          },
        ),
    });
  return <Button danger icon={<StopOutlined />} onClick={confirm} loading={end.isPending} data-testid={`end-emergency-${emergency.id}`}>{m.end}</Button>;
}
