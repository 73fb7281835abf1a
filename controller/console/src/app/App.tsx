// The console application: signed out → the sign-in page; signed in → the pages this user's
// roles may use, under /console/.

import { Button, Result, Spin } from 'antd';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { SessionProvider, useSession, useSessionQuery } from '../session/session.tsx';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { useNavMessages } from './nav-messages.ts';
import { CONSOLE_PAGES } from './pages.tsx';

export const CONSOLE_BASE_PATH = '/console';

function NotFound() {
  const m = useNavMessages();
  return <Result status="404" title={m.notFound} extra={<Link to="/"><Button>{m.backHome}</Button></Link>} />;
}

function ConsoleRoutes() {
  const { can } = useSession();
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        {CONSOLE_PAGES.filter((p) => p.permission === null || can(p.permission)).map((p) => (
          <Route key={p.path} {...(p.path === '' ? { index: true } : { path: p.path })} element={<p.component />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const session = useSessionQuery();
  if (session.isPending) return <Spin style={{ marginTop: 120, width: '100%' }} />;
  if (session.isError) return <Result status="error" title="无法连接控制中心 (cannot reach the controller)" subTitle={session.error.message} extra={<Button onClick={() => void session.refetch()}>重试 (retry)</Button>} />;
  if (!session.data) return <LoginPage />;
  return (
    <SessionProvider user={session.data}>
      <BrowserRouter basename={CONSOLE_BASE_PATH}>
        <ConsoleRoutes />
      </BrowserRouter>
    </SessionProvider>
  );
}
