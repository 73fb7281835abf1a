// The frame around every page: the menu of what this user's roles may do, the header with the
// user, the language switch and sign-out, and the page itself.

import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { useSession } from '../session/session.tsx';
import { PageErrorBoundary } from './PageErrorBoundary.tsx';
import { useNavMessages } from './nav-messages.ts';
import { CONSOLE_PAGES, type MenuSection } from './pages.tsx';

const SECTIONS: readonly MenuSection[] = ['overview', 'lists', 'content', 'review', 'screens', 'reports', 'admin'];

/** The menu key of the page a location belongs to: its first path segment ('' for the overview). */
export function menuKeyOf(pathname: string): string {
  return pathname.replace(/^\/+/, '').split('/')[0] ?? '';
}

export function ConsoleLayout() {
  const { user, can, logout } = useSession();
  const { locale, setLocale } = useLocale();
  const m = useNavMessages();
  const navigate = useNavigate();
  const location = useLocation();

  const items = useMemo<MenuProps['items']>(() => SECTIONS.flatMap((section) => {
    const pages = CONSOLE_PAGES.filter((p) => p.section === section && p.inMenu && (p.permission === null || can(p.permission)));
    if (pages.length === 0) return [];
    return [{ type: 'group' as const, key: section, label: m[`section.${section}`], children: pages.map((p) => ({ key: p.path, icon: p.icon, label: m[p.label] })) }];
  }), [can, m]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={224} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 18, color: '#b3261e' }}>公示 Gongshi</div>
        <Menu mode="inline" items={items} selectedKeys={[menuKeyOf(location.pathname)]} onClick={({ key }) => void navigate(`/${key}`)} style={{ borderInlineEnd: 'none' }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
          <Typography.Text strong>{m.appTitle}</Typography.Text>
          <Space size="middle">
            <span data-testid="signed-in-user">
              {user.displayName} {user.roles.map((role) => <Tag key={role} color="red">{m[`role.${role}`]}</Tag>)}
            </span>
            <Button icon={<TranslationOutlined />} onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>{m.language}</Button>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>{m.signOut}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <PageErrorBoundary key={location.pathname}>
            <Suspense fallback={<Spin tip={m.loading} style={{ marginTop: 80, width: '100%' }} />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
