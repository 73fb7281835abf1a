// Pairing by code: the technician types the 6 digits shown on a new screen, names it and may put it in a group.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { PendingPairings } from './PendingPairings.tsx';
import { screenKeys, type ScreenGroup } from './screens-api.ts';
import { useScreensMessages } from './screens-messages.ts';

interface PairForm {
  pairingCode: string;
  name: string;
  groupId?: string;
}

export function PairScreenModal({ open, onClose, groups }: { open: boolean; onClose: () => void; groups: readonly ScreenGroup[] }) {
  const m = useScreensMessages();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PairForm>();
  const mayGroup = can('screen-groups.manage');

  const pair = useMutation({
    mutationFn: async (values: PairForm) => {
      const screen = await api.post<{ screenId: string; name: string }>('/api/v1/screens/adopt', { pairingCode: values.pairingCode.trim(), name: values.name.trim() });
      const group = groups.find((g) => g.id === values.groupId);
      if (!group) return { screen, groupError: null };
      try {
        await api.put(`/api/v1/screen-groups/${encodeURIComponent(group.id)}/screens`, { screenIds: [...group.screenIds, screen.screenId] });
        return { screen, groupError: null };
      } catch (error) {
        return { screen, groupError: error instanceof Error ? error.message : String(error) };
      }
    },
    onSuccess: ({ screen, groupError }) => {
      void queryClient.invalidateQueries({ queryKey: screenKeys.fleet });
      void queryClient.invalidateQueries({ queryKey: screenKeys.groups });
      if (groupError) void message.warning(format(m.pairedGroupFailed, { message: groupError }));
      else void message.success(format(m.paired, { name: screen.name }));
      form.resetFields();
      onClose();
    },
  });

  const close = () => {
    pair.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={m.pairTitle}
      okText={m.pairSubmit}
      cancelText={m.cancel}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={pair.isPending}
      destroyOnHidden
      width={560}
      data-testid="pair-modal"
    >
      <Typography.Paragraph type="secondary">{m.pairIntro}</Typography.Paragraph>
      <ApiErrorAlert error={pair.error} />
      <Form<PairForm> form={form} layout="vertical" requiredMark={false} onFinish={(values) => pair.mutate(values)}>
        <Form.Item name="pairingCode" label={m.pairCode} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: m.pairCodeRequired }]}>
          <Input inputMode="numeric" maxLength={6} autoComplete="off" placeholder="000000" style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 6, width: 180 }} />
        </Form.Item>
        <Form.Item name="name" label={m.pairName} rules={[{ required: true, whitespace: true, max: 100, message: m.pairNameRequired }]}>
          <Input maxLength={100} placeholder={m.pairNamePlaceholder} />
        </Form.Item>
        {mayGroup && (
          <Form.Item name="groupId" label={m.pairGroup}>
            <Select allowClear placeholder={m.pairGroupPlaceholder} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        )}
      </Form>
      <PendingPairings onUse={(code) => form.setFieldValue('pairingCode', code)} />
    </Modal>
  );
}
