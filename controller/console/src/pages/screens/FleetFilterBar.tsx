// The board's filters: condition (with counts), group, free text, and the cards/table switch.

import { AppstoreOutlined, TableOutlined } from '@ant-design/icons';
import { Flex, Input, Segmented, Select } from 'antd';
import type { ScreenCondition } from '../../../../../shared/screens/screen-condition.ts';
import { CONDITIONS, type FleetFilter } from './fleet-filter.ts';
import type { ScreenGroup } from './screens-api.ts';
import { useScreensMessages } from './screens-messages.ts';
import { useStatusMessages } from './status-messages.ts';

export type BoardView = 'cards' | 'table';

interface Props {
  filter: FleetFilter;
  onFilter: (filter: FleetFilter) => void;
  counts: Record<ScreenCondition | 'all', number>;
  groups: readonly ScreenGroup[];
  view: BoardView;
  onView: (view: BoardView) => void;
}

export function FleetFilterBar({ filter, onFilter, counts, groups, view, onView }: Props) {
  const m = useScreensMessages();
  const s = useStatusMessages();
  const options = [{ value: 'all' as const, label: `${m.all} ${counts.all}` }, ...CONDITIONS.map((c) => ({ value: c, label: `${s[`condition.${c}`]} ${counts[c]}` }))];
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <Segmented<ScreenCondition | 'all'> options={options} value={filter.condition} onChange={(condition) => onFilter({ ...filter, condition })} data-testid="condition-filter" />
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={m.groupPlaceholder}
        value={filter.groupId ?? undefined}
        onChange={(groupId?: string) => onFilter({ ...filter, groupId: groupId ?? null })}
        options={groups.map((g) => ({ value: g.id, label: `${g.name}（${g.screenIds.length}）` }))}
      />
      <Input.Search allowClear style={{ width: 300 }} placeholder={m.searchPlaceholder} value={filter.text} onChange={(event) => onFilter({ ...filter, text: event.target.value })} />
      <Segmented<BoardView>
        style={{ marginInlineStart: 'auto' }}
        value={view}
        onChange={onView}
        options={[{ value: 'cards', icon: <AppstoreOutlined />, label: m.viewCards }, { value: 'table', icon: <TableOutlined />, label: m.viewTable }]}
      />
    </Flex>
  );
}
