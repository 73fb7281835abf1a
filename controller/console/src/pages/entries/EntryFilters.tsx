// The entry list's search box (sent once typing pauses) and its filters.

import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Input, Select, Tooltip } from 'antd';
import { useState } from 'react';
import { ENTRY_STATUSES, LIST_KINDS } from '../../../../../shared/lists/list-entry.ts';
import { format } from '../../i18n/messages.ts';
import { useEntriesMessages } from './entries-messages.ts';
import { EXPIRING_WITHIN_DAYS, hasFilters, isRegionPrefix, type EntryQuery } from './entry-query.ts';
import { useListMessages } from './list-messages.ts';
import { useDebouncedCallback } from './use-debounced-callback.ts';

interface EntryFiltersProps {
  query: EntryQuery;
  onChange: (change: Partial<Omit<EntryQuery, 'page'>>) => void;
  /** categories seen in results so far, offered as the category filter's suggestions */
  knownCategories: string[];
}

export function EntryFilters({ query, onChange, knownCategories }: EntryFiltersProps) {
  const m = useEntriesMessages();
  const l = useListMessages();
  // What is typed shows at once; the search follows when typing pauses.
  const [text, setText] = useState(query.q);
  const [category, setCategory] = useState(query.category);
  const [region, setRegion] = useState(query.region);
  const search = useDebouncedCallback((q: string) => onChange({ q }));
  const filterCategory = useDebouncedCallback((value: string) => onChange({ category: value }));
  const regionIsValid = region === '' || isRegionPrefix(region);

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={m.searchPlaceholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          search.call(event.target.value);
        }}
        onPressEnter={() => search.flush(text)}
        style={{ width: 330 }}
        data-testid="entry-search"
      />
      <Select
        value={query.list ?? ''}
        onChange={(value: string) => onChange({ list: value === '' ? null : (value as EntryQuery['list']) })}
        options={[{ value: '', label: m.anyList }, ...LIST_KINDS.map((list) => ({ value: list, label: l[`list.${list}`] }))]}
        style={{ width: 110 }}
        data-testid="filter-list"
      />
      <Select
        value={query.status ?? ''}
        onChange={(value: string) => onChange({ status: value === '' ? null : (value as EntryQuery['status']) })}
        options={[{ value: '', label: m.anyStatus }, ...ENTRY_STATUSES.map((status) => ({ value: status, label: l[`entryStatus.${status}`] }))]}
        style={{ width: 120 }}
        data-testid="filter-status"
      />
      <AutoComplete
        allowClear
        value={category}
        options={knownCategories.map((c) => ({ value: c }))}
        filterOption={(input, option) => (option?.value ?? '').includes(input)}
        onChange={(value: string | undefined) => {
          setCategory(value ?? '');
          filterCategory.call(value ?? '');
        }}
        placeholder={m.categoryPlaceholder}
        style={{ width: 180 }}
      />
      <Tooltip title={regionIsValid ? null : m.regionInvalid} open={!regionIsValid}>
        <Input
          allowClear
          value={region}
          status={regionIsValid ? undefined : 'error'}
          maxLength={6}
          placeholder={m.regionPlaceholder}
          onChange={(event) => {
            const value = event.target.value.trim();
            setRegion(value);
            if (value === '' || isRegionPrefix(value)) onChange({ region: value });
          }}
          style={{ width: 190 }}
        />
      </Tooltip>
      <Select
        value={query.expiringWithinDays ?? 0}
        onChange={(value: number) => onChange({ expiringWithinDays: value === 0 ? null : value })}
        options={[{ value: 0, label: m.anyExpiry }, ...EXPIRING_WITHIN_DAYS.map((days) => ({ value: days, label: format(m.expiringWithin, { days }) }))]}
        style={{ width: 140 }}
        data-testid="filter-expiring"
      />
      {(hasFilters(query) || query.q !== '') && (
        <Button
          type="link"
          onClick={() => {
            setText('');
            setCategory('');
            setRegion('');
            onChange({ q: '', list: null, status: null, category: '', region: '', expiringWithinDays: null });
          }}
        >
          {m.clearFilters}
        </Button>
      )}
    </Flex>
  );
}
