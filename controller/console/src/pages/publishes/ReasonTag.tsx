// Why a screen is behind, as a coloured tag with its word.

import { Tag } from 'antd';
import type { BehindKind } from './publishes-api.ts';
import { usePublishesMessages } from './publishes-messages.ts';

export const REASON_COLOUR: Record<BehindKind, string> = { error: 'error', offline: 'default', 'never-connected': 'default', updating: 'processing' };

export function ReasonTag({ kind, count }: { kind: BehindKind; count?: number }) {
  const m = usePublishesMessages();
  return <Tag color={REASON_COLOUR[kind]} data-testid="behind-reason">{m[`reason.${kind}`]}{count !== undefined ? ` ${count}` : ''}</Tag>;
}
