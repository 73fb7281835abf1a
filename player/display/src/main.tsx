// Entry point of the kiosk display: asks the core for the state and its first rows at once, then
// loads the app. The app's bundle (React, the parsers) takes a 2-core screen a few hundred ms to
// load and run; the first requests need none of it (early-requests.ts).
import { DISPLAY_CORE_NOW_HEADER } from '../../../shared/display/display-state.ts';
import { readDisplayToken } from './state/display-token.ts';
import { sendEarlyRequests } from './state/early-requests.ts';
// Here, not with the app: the page's ground colour is painted before the app has loaded, never white.
import './styles/base.css';
import './styles/themes.css';

const container = document.getElementById('root');
if (container) {
  const token = readDisplayToken(window.location.search);
  sendEarlyRequests(token, DISPLAY_CORE_NOW_HEADER);
  void import('./mount.tsx').then(({ mount }) => mount(container, token));
}
