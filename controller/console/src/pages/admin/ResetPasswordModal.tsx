// An admin sets a new password for someone who lost theirs; that user's sessions end at once.

import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { fieldErrorsOf } from './field-errors.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { useResetPassword, type Account } from './users-api.ts';
import { useUsersMessages } from './users-messages.ts';

export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const m = useUsersMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; passwordConfirm: string }>();
  const reset = useResetPassword();
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ password }: { password: string }) => {
    setError(null);
    try {
      await reset.mutateAsync({ id: account.id, password });
      void message.success(format(m.resetDone, { name: account.displayName }));
      onClose();
    } catch (failure) {
      const fields = fieldErrorsOf(failure, ['password'] as const);
      form.setFields(fields);
      if (fields.length === 0) setError(failure);
    }
  };

  return (
    <Modal open title={format(m.resetTitle, { name: account.displayName })} okText={m.reset} okButtonProps={{ danger: true }} cancelText={m.cancel} confirmLoading={reset.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden data-testid="reset-password">
      <Alert type="warning" showIcon title={m.resetHelp} style={{ marginBottom: 16 }} />
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <PasswordFields label={m.newPassword} />
      </Form>
    </Modal>
  );
}
