// The content version a screen applied against the newest one: "v42 最新", or "v40 / v42 落后 2 个版本" in warning colour.

import { Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useScreensMessages } from './screens-messages.ts';

export function VersionText({ applied, current }: { applied: number; current: number }) {
  const m = useScreensMessages();
  const behind = current - applied;
  if (behind <= 0) {
    return (
      <span data-testid="screen-version">
        {`v${applied}`}
        <Typography.Text type="success" style={{ marginInlineStart: 6, fontSize: 12 }}>{m.upToDate}</Typography.Text>
      </span>
    );
  }
  return (
    <span data-testid="screen-version">
      <Typography.Text strong type="warning">{applied === 0 ? '—' : `v${applied}`}</Typography.Text>
      <Typography.Text type="secondary">{` / v${current}`}</Typography.Text>
      <Typography.Text type="warning" style={{ marginInlineStart: 6, fontSize: 12 }}>{format(m.behindBy, { count: behind })}</Typography.Text>
    </span>
  );
}
