// Creating an account (username, name, initial password, roles) or changing one (name, roles).

import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../../shared/auth/roles.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { fieldErrorsOf } from './field-errors.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { accountChange, MAX_DISPLAY_NAME_LENGTH, orderedRoles, USERNAME_PATTERN } from './user-form.ts';
import { useCreateAccount, useUpdateAccount, type Account } from './users-api.ts';
import { useUsersMessages } from './users-messages.ts';

interface Values {
  username: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
  roles: Role[];
}

const FIELDS = ['username', 'displayName', 'password', 'roles'] as const;

/** `account` null: a new user. */
export function UserFormModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const m = useUsersMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const [error, setError] = useState<unknown>(null);
  const saving = create.isPending || update.isPending;

  const submit = async (values: Values) => {
    setError(null);
    try {
      if (account === null) {
        const created = await create.mutateAsync({ username: values.username, displayName: values.displayName.trim(), password: values.password, roles: orderedRoles(values.roles) });
        void message.success(format(m.created, { name: created.displayName }));
      } else {
        const change = accountChange(account, values);
        if (Object.keys(change).length === 0) void message.info(m.nothingChanged);
        else {
          await update.mutateAsync({ id: account.id, change });
          void message.success(m.saved);
        }
      }
      onClose();
    } catch (failure) {
      const fields = fieldErrorsOf(failure, FIELDS);
      form.setFields(fields);
      if (fields.length === 0) setError(failure);
    }
  };

  return (
    <Modal
      open
      title={account === null ? m.createTitle : format(m.editTitle, { name: account.displayName })}
      okText={account === null ? m.create : m.save}
      cancelText={m.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
      data-testid="user-form"
    >
      <ApiErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={account === null ? { roles: [] } : { displayName: account.displayName, roles: account.roles }}
        onFinish={(values) => void submit(values)}
      >
        {account === null && (
          <Form.Item name="username" label={m.username} extra={m.usernameHelp} rules={[{ required: true, message: m.usernameRequired }, { pattern: USERNAME_PATTERN, message: m.usernameInvalid }]}>
            <Input autoComplete="off" data-testid="username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={m.displayName} rules={[{ required: true, whitespace: true, message: m.displayNameRequired }, { max: MAX_DISPLAY_NAME_LENGTH }]}>
          <Input data-testid="display-name" />
        </Form.Item>
        {account === null && <PasswordFields label={m.password} />}
        <Form.Item name="roles" label={m.roles} rules={[{ required: true, type: 'array', min: 1, message: m.rolesRequired }]}>
          <RoleCheckboxes />
        </Form.Item>
      </Form>
    </Modal>
  );
}
