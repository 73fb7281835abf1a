// A new password typed twice, checked against the server's rules before it is sent.

import { Form, Input } from 'antd';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './user-form.ts';
import { useUsersMessages } from './users-messages.ts';

export function PasswordFields({ label }: { label: string }) {
  const m = useUsersMessages();
  return (
    <>
      <Form.Item
        name="password"
        label={label}
        extra={m.passwordHelp}
        rules={[
          { required: true, message: m.passwordRequired },
          { min: MIN_PASSWORD_LENGTH, message: m.passwordTooShort },
          { max: MAX_PASSWORD_LENGTH, message: m.passwordTooLong },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password" />
      </Form.Item>
      <Form.Item
        name="passwordConfirm"
        label={m.passwordConfirm}
        dependencies={['password']}
        rules={[
          { required: true, message: m.passwordRequired },
          ({ getFieldValue }) => ({ validator: (_, value: string | undefined) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(m.passwordMismatch))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
    </>
  );
}
