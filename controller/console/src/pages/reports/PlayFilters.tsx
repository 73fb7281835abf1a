// The proof-of-play filters: screen, content and a period (with the usual presets), and the CSV export
// of what they select.

import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FilterSelect } from './FilterSelect.tsx';
import { BUILT_IN_LISTS, playItemIdOf } from './play-items.ts';
import { playCsvHref, useFilterContent, useFilterScreens, type PlayFilter } from './proof-of-play-api.ts';
import { useProofOfPlayMessages } from './proof-of-play-messages.ts';

export interface PlayFilterState {
  screenId: string | null;
  contentId: string | null;
  range: [Dayjs, Dayjs] | null;
}

export function PlayFilters({ value, filter, onChange }: { value: PlayFilterState; filter: PlayFilter; onChange: (next: PlayFilterState) => void }) {
  const m = useProofOfPlayMessages();
  const screens = useFilterScreens();
  const content = useFilterContent();
  const today = dayjs().startOf('day');
  const contentOptions = [
    ...BUILT_IN_LISTS.map((id) => ({ value: id, label: m[id] })),
    ...(content.data ?? []).flatMap((c) => {
      const id = playItemIdOf(c);
      return id === null ? [] : [{ value: id, label: c.title }];
    }),
  ];
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="play-filters">
      <FilterSelect
        width={220}
        placeholder={m.allScreens}
        label={m.filterScreen}
        loading={screens.isLoading}
        value={value.screenId}
        onChange={(screenId) => onChange({ ...value, screenId })}
        options={(screens.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        testId="filter-screen"
      />
      <FilterSelect
        width={240}
        placeholder={m.allContent}
        label={m.filterContent}
        loading={content.isLoading}
        value={value.contentId}
        onChange={(contentId) => onChange({ ...value, contentId })}
        options={contentOptions}
        testId="filter-content"
      />
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={value.range}
        onChange={(range) => onChange({ ...value, range: range?.[0] && range[1] ? [range[0], range[1]] : null })}
        presets={[
          { label: m.presetToday, value: [today, today.endOf('day')] },
          { label: m.presetYesterday, value: [today.subtract(1, 'day'), today.subtract(1, 'day').endOf('day')] },
          { label: m.preset7, value: [today.subtract(6, 'day'), today.endOf('day')] },
          { label: m.preset30, value: [today.subtract(29, 'day'), today.endOf('day')] },
        ]}
        data-testid="filter-range"
      />
      <Button icon={<ReloadOutlined />} onClick={() => onChange({ screenId: null, contentId: null, range: null })}>{m.reset}</Button>
      <Tooltip title={m.exportHint}>
        <Button type="primary" icon={<DownloadOutlined />} href={playCsvHref(filter)} data-testid="export-csv">{m.exportCsv}</Button>
      </Tooltip>
    </Flex>
  );
}
