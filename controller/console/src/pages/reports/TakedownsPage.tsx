// The takedown report for auditors: withdrawn entries found by name, code or withdrawal date, each
// with the publish that took it off the screens and how many screens have dropped it; one opens
// with every screen's ack time. The open entry lives in the address (?entry=…).

import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { dayWindow } from './report-format.ts';
import { useTakedowns } from './takedown-api.ts';
import { TakedownDrawer } from './TakedownDrawer.tsx';
import { useTakedownMessages } from './takedown-messages.ts';
import { TakedownTable, type TakedownPage } from './TakedownTable.tsx';

export default function TakedownsPage() {
  const m = useTakedownMessages();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [page, setPage] = useState<TakedownPage>({ page: 1, pageSize: 20 });
  const takedowns = useTakedowns({ ...(query ? { q: query } : {}), ...dayWindow(range), limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  const open = params.get('entry');

  const search = () => {
    setQuery(text.trim());
    setPage((p) => ({ ...p, page: 1 }));
  };
  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          style={{ width: 340 }}
          placeholder={m.searchPlaceholder}
          enterButton={<><SearchOutlined /> {m.search}</>}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={search}
          data-testid="takedown-search"
        />
        <DatePicker.RangePicker
          value={range}
          placeholder={[m.filterRange, m.filterRange]}
          onChange={(picked) => {
            setRange(picked?.[0] && picked[1] ? [picked[0], picked[1]] : null);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        <Button onClick={() => { setText(''); setQuery(''); setRange(null); setPage((p) => ({ ...p, page: 1 })); }}>{m.reset}</Button>
      </Flex>
      <ApiErrorAlert error={takedowns.error} />
      <TakedownTable items={takedowns.data?.items ?? []} total={takedowns.data?.total ?? 0} loading={takedowns.isFetching && !takedowns.data} page={page} onPage={setPage} onOpen={(entryId) => setParams({ entry: entryId })} />
      <TakedownDrawer entryId={open} onClose={() => setParams({})} />
    </>
  );
}
