// Withdrawing an entry: a reason from the legal three, a note for the record, and a confirmation
// that says what happens (it leaves every screen, for good).

import { App, Alert, Form, Input, Modal, Select } from 'antd';
import { WITHDRAWAL_REASONS, type WithdrawalReason } from '../../../../../shared/lists/list-entry.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useWithdrawEntry } from './entries-api.ts';
import { useEntriesMessages } from './entries-messages.ts';
import { useListMessages } from './list-messages.ts';

interface WithdrawForm {
  reason: WithdrawalReason;
  note: string;
}

export function WithdrawModal({ entryId, subjectName, open, onClose }: { entryId: string; subjectName: string; open: boolean; onClose: () => void }) {
  const m = useEntriesMessages();
  const l = useListMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<WithdrawForm>();
  const withdraw = useWithdrawEntry(entryId);
  const close = () => {
    form.resetFields();
    withdraw.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={format(m.withdrawTitle, { name: subjectName })}
      okText={m.withdrawConfirm}
      okButtonProps={{ danger: true, loading: withdraw.isPending }}
      cancelText={m.cancel}
      onCancel={close}
      onOk={() => {
        form.validateFields().then(
          (values) => withdraw.mutate({ reason: values.reason, note: values.note?.trim() ?? '' }, {
            onSuccess: () => {
              void message.success(m.withdrawn);
              close();
            },
          }),
          // The form shows what is missing beside the field.
          () => undefined,
        );
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={m.withdrawIntro} style={{ marginBottom: 16 }} />
      <ApiErrorAlert error={withdraw.error} />
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="reason" label={m.withdrawReason} rules={[{ required: true, message: m.withdrawReasonRequired }]}>
          <Select placeholder={m.withdrawReasonRequired} options={WITHDRAWAL_REASONS.map((reason) => ({ value: reason, label: l[`withdrawalReason.${reason}`] }))} data-testid="withdraw-reason" />
        </Form.Item>
        <Form.Item name="note" label={m.withdrawNote}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={m.withdrawNotePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
