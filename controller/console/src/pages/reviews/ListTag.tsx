// Red list or black list, as a coloured tag.

import { Tag } from 'antd';
import type { ListKind } from './review-api.ts';
import { useReviewMessages } from './review-messages.ts';

export function ListTag({ list }: { list: ListKind }) {
  const m = useReviewMessages();
  return list === 'red' ? <Tag color="red">{m.listRed}</Tag> : <Tag color="default" style={{ background: '#262626', color: '#fff', borderColor: '#262626' }}>{m.listBlack}</Tag>;
}
