// Entry point of the kiosk display: mounts the app on the page the player core serves.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readDisplayToken } from './state/display-token.ts';
import './styles/base.css';
import './styles/themes.css';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App token={readDisplayToken(window.location.search)} />
    </StrictMode>,
  );
}
