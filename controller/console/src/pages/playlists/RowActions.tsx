// Edit and retire for a playlist or schedule row: editing waits while another user's change is in
// review (it is theirs until reviewed); retiring asks first.

import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tooltip } from 'antd';
import { useSession } from '../../session/session.tsx';
import type { Reviewable } from './programme-api.ts';
import { useProgrammeMessages } from './programme-messages.ts';

interface Props {
  row: Reviewable<unknown>;
  retiring: boolean;
  /** the question and its consequence, naming the row */
  retireConfirm: string;
  retireEffect: string;
  onEdit: () => void;
  onRetire: () => void;
}

export function RowActions({ row, retiring, retireConfirm, retireEffect, onEdit, onRetire }: Props) {
  const m = useProgrammeMessages();
  const { user } = useSession();
  if (row.status === 'retired') return null;
  const heldByOther = row.pendingBy !== null && row.pendingBy !== user.id;
  return (
    <Flex gap={4}>
      <Tooltip title={heldByOther ? m.heldByOther : undefined}>
        <Button size="small" icon={<EditOutlined />} disabled={heldByOther} onClick={onEdit} data-testid="edit-row">{m.edit}</Button>
      </Tooltip>
      <Popconfirm title={retireConfirm} description={retireEffect} okText={m.retire} okButtonProps={{ danger: true }} cancelText={m.cancel} onConfirm={onRetire}>
        <Button size="small" danger icon={<StopOutlined />} loading={retiring} data-testid="retire-row">{m.retire}</Button>
      </Popconfirm>
    </Flex>
  );
}
