// Entry point of the operator console.

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { LocaleProvider } from './i18n/locale.tsx';

// A failed request is shown to the user at once; retrying silently would hide a refusal for seconds.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntdApp>
          <App />
        </AntdApp>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
