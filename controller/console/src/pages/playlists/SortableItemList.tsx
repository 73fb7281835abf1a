// A playlist's items in play order: drag a row by its handle (or focus the handle and use the
// arrow keys) to reorder, set each item's seconds, remove an item.

import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Flex, InputNumber, Tag, Typography } from 'antd';
import { MAX_ITEM_SECONDS, MIN_ITEM_SECONDS, type DraftItem } from './playlist-draft.ts';
import type { ContentLabel } from './content-labels.ts';
import { usePlaylistMessages } from './playlists-messages.ts';
import { useProgrammeMessages } from './programme-messages.ts';

interface Props {
  items: readonly DraftItem[];
  labelOf: (contentId: string) => ContentLabel;
  /** keys of items whose duration the server would refuse */
  badKeys: ReadonlySet<string>;
  onMove: (activeKey: string, overKey: string) => void;
  onDuration: (key: string, seconds: number) => void;
  onRemove: (key: string) => void;
}

export function SortableItemList({ items, labelOf, badKeys, onMove, onDuration, onRemove }: Props) {
  // A few pixels of travel before a drag starts, so a click on the handle stays a click.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) onMove(String(active.id), String(over.id));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={items.map((item) => item.key)} strategy={verticalListSortingStrategy}>
        <Flex vertical gap={6} data-testid="playlist-items">
          {items.map((item, index) => (
            <SortableRow key={item.key} item={item} index={index} label={labelOf(item.contentId)} bad={badKeys.has(item.key)} onDuration={onDuration} onRemove={onRemove} />
          ))}
        </Flex>
      </SortableContext>
    </DndContext>
  );
}

interface RowProps {
  item: DraftItem;
  index: number;
  label: ContentLabel;
  bad: boolean;
  onDuration: Props['onDuration'];
  onRemove: Props['onRemove'];
}

function SortableRow({ item, index, label, bad, onDuration, onRemove }: RowProps) {
  const m = usePlaylistMessages();
  const pm = useProgrammeMessages();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.key });
  const style = {
    transform: CSS.Transform.toString(transform),
    transition,
    padding: '6px 10px',
    border: `1px solid ${isDragging ? '#b3261e' : '#f0f0f0'}`,
    borderRadius: 4,
    background: isDragging ? '#fff7f6' : '#fff',
    boxShadow: isDragging ? '0 4px 12px rgba(0,0,0,0.12)' : undefined,
    position: 'relative' as const,
    zIndex: isDragging ? 1 : undefined,
  };
  return (
    <Flex ref={setNodeRef} style={style} align="center" gap={10} data-testid="playlist-item" data-content-id={item.contentId}>
      <Button ref={setActivatorNodeRef} type="text" size="small" icon={<HolderOutlined />} aria-label={m.dragHandle} data-testid="drag-handle" style={{ cursor: 'grab' }} {...attributes} {...listeners} />
      <Typography.Text type="secondary" style={{ width: 24, textAlign: 'right' }}>{index + 1}</Typography.Text>
      <Tag style={{ marginInlineEnd: 0 }}>{pm[`kind.${label.kind}`]}</Tag>
      <Typography.Text ellipsis={{ tooltip: label.title }} style={{ flex: 1, minWidth: 0 }}>{label.title}</Typography.Text>
      {label.status === 'pending' && <Tag color="gold">{pm['status.pending']}</Tag>}
      {(label.status === 'retired' || label.status === 'rejected') && <Tag color="red">{pm[`status.${label.status}`]}</Tag>}
      <InputNumber
        size="small"
        min={MIN_ITEM_SECONDS}
        max={MAX_ITEM_SECONDS}
        precision={0}
        value={item.durationSeconds}
        status={bad ? 'error' : undefined}
        suffix={pm.seconds}
        aria-label={m.duration}
        data-testid="item-duration"
        style={{ width: 110 }}
        onChange={(value) => onDuration(item.key, typeof value === 'number' ? value : Number.NaN)}
      />
      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={m.removeItem} onClick={() => onRemove(item.key)} />
    </Flex>
  );
}
