// What a screen shows now, from its latest heartbeat: the kind in words and the item's title.

import { Typography } from 'antd';
import { parseShowing } from './on-screen.ts';
import { useStatusMessages } from './status-messages.ts';

export function showingLabel(onScreen: string | null | undefined, m: ReturnType<typeof useStatusMessages>): string {
  const showing = parseShowing(onScreen);
  if (!showing) return m.showingNone;
  const kind = m[`showing.${showing.kind}`];
  return showing.title ? `${kind} · ${showing.title}` : showing.itemId ? `${kind} · ${showing.itemId}` : kind;
}

export function ShowingText({ onScreen }: { onScreen: string | null | undefined }) {
  const m = useStatusMessages();
  const text = showingLabel(onScreen, m);
  return <Typography.Text type={onScreen ? undefined : 'secondary'} ellipsis={{ tooltip: text }} style={{ maxWidth: '100%' }} data-testid="screen-showing">{text}</Typography.Text>;
}
