// Mounts the app on the page the player core serves (loaded by main.tsx once its first requests are out).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

export function mount(container: HTMLElement, token: string): void {
  createRoot(container).render(
    <StrictMode>
      <App token={token} />
    </StrictMode>,
  );
}
