// Where a withdrawal stands, as a coloured tag: done, screens pending, takedown missing, never shown.

import { Tag } from 'antd';
import type { TakedownStanding } from './takedown-format.ts';
import { useTakedownMessages } from './takedown-messages.ts';

const COLOURS: Record<TakedownStanding, string> = { complete: 'success', pending: 'warning', 'not-published': 'error', 'never-shown': 'default' };

export function TakedownStandingTag({ standing }: { standing: TakedownStanding }) {
  const m = useTakedownMessages();
  return <Tag color={COLOURS[standing]} data-testid="takedown-standing">{m[`standing.${standing}`]}</Tag>;
}
