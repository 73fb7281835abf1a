// Sign-in. A wrong password and an unknown user get the same answer (the server's), and too many
// attempts are told to wait.

import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { defineMessages } from '../../i18n/messages.ts';
import { SESSION_QUERY_KEY, type SessionUser } from '../../session/session.tsx';

const useMessages = defineMessages(
  { title: '信用公示屏控制台', subtitle: '请使用您的账号登录', username: '用户名', password: '密码', submit: '登录', required: '必填', language: 'English' },
  { title: 'Credit screen console', subtitle: 'Sign in with your account', username: 'Username', password: 'Password', submit: 'Sign in', required: 'Required', language: '中文' },
);

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const m = useMessages();
  const { locale, setLocale } = useLocale();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.post<{ user: SessionUser }>('/api/v1/auth/login', values);
      queryClient.setQueryData(SESSION_QUERY_KEY, user);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg, #fdf3f2, #f5f5f5)' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ color: '#b3261e', marginBottom: 4 }}>公示 Gongshi</Typography.Title>
        <Typography.Title level={5} style={{ marginTop: 0 }}>{m.title}</Typography.Title>
        <Typography.Paragraph type="secondary">{m.subtitle}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<Credentials> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item name="username" label={m.username} rules={[{ required: true, message: m.required }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={m.password} rules={[{ required: true, message: m.required }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{m.submit}</Button>
        </Form>
        <Button type="link" icon={<TranslationOutlined />} style={{ marginTop: 12, paddingInline: 0 }} onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>{m.language}</Button>
      </Card>
    </div>
  );
}
