// One page of entries: name and type, code (ID numbers masked), list, category, dates with the
// expiry flagged, status; sorting and paging are the server's, a row opens the entry.

import { Table, Tag, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { format } from '../../i18n/messages.ts';
import { formatMinute } from './date-time.ts';
import type { EntryItem, EntrySearchResult } from './entries-api.ts';
import { useEntriesMessages } from './entries-messages.ts';
import { entryCode, expiryState } from './entry-display.ts';
import { lastReachablePage, MAX_RESULT_WINDOW, PAGE_SIZES, type EntryQuery, type SortKey } from './entry-query.ts';
import { ENTRY_STATUS_COLOURS, LIST_COLOURS, useListMessages } from './list-messages.ts';

interface EntryTableProps {
  query: EntryQuery;
  result: EntrySearchResult | undefined;
  loading: boolean;
  emptyText: string;
  onPage: (change: Pick<EntryQuery, 'page' | 'pageSize' | 'sort' | 'order'>) => void;
}

const sortOrderOf = (query: EntryQuery, key: SortKey) => (query.sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null);

export function EntryTable({ query, result, loading, emptyText, onPage }: EntryTableProps) {
  const m = useEntriesMessages();
  const l = useListMessages();
  const navigate = useNavigate();
  const today = dayjs().format('YYYY-MM-DD');

  const columns: TableColumnsType<EntryItem> = [
    {
      title: m.name,
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf(query, 'name'),
      render: (_, entry) => (
        <div>
          <Typography.Text strong>{entry.subjectName}</Typography.Text>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{l[`subjectType.${entry.subjectType}`]}</Typography.Text></div>
        </div>
      ),
    },
    { title: m.code, key: 'code', width: 200, render: (_, entry) => <Typography.Text style={{ fontFamily: 'monospace' }}>{entryCode(entry)}</Typography.Text> },
    { title: m.list, dataIndex: 'list', width: 84, render: (list: EntryItem['list']) => <Tag color={LIST_COLOURS[list]}>{l[`list.${list}`]}</Tag> },
    { title: m.category, dataIndex: 'category', width: 160, ellipsis: true },
    { title: m.listedOn, dataIndex: 'listedOn', width: 108 },
    {
      title: m.validUntil,
      key: 'validUntil',
      width: 180,
      sorter: true,
      sortOrder: sortOrderOf(query, 'validUntil'),
      render: (_, entry) => {
        const state = entry.status === 'approved' || entry.status === 'pending' ? expiryState(entry.validUntil, today) : 'in-force';
        return (
          <span>
            {entry.validUntil}
            {state === 'soon' && <Tag color="orange" style={{ marginInlineStart: 6 }}>{m.soon}</Tag>}
            {state === 'expired' && <Tag style={{ marginInlineStart: 6 }}>{l.expired}</Tag>}
          </span>
        );
      },
    },
    { title: m.createdAt, key: 'createdAt', width: 150, sorter: true, sortOrder: sortOrderOf(query, 'createdAt'), render: (_, entry) => formatMinute(entry.createdAt) },
    { title: m.status, dataIndex: 'status', width: 90, render: (status: EntryItem['status']) => <Tag color={ENTRY_STATUS_COLOURS[status]}>{l[`entryStatus.${status}`]}</Tag> },
  ];

  const total = result?.total ?? 0;
  const pagination: TablePaginationConfig = {
    current: query.page,
    pageSize: query.pageSize,
    // Pages past the server's window cannot be asked for, so they are not offered.
    total: Math.min(total, MAX_RESULT_WINDOW),
    pageSizeOptions: PAGE_SIZES.map(String),
    showSizeChanger: true,
    showTotal: () => (
      <span data-testid="entry-total">
        {result && format(result.totalIsExact ? m.total : m.totalCapped, { total: total.toLocaleString('en-US') })}
        {total > MAX_RESULT_WINDOW && <Typography.Text type="secondary"> · {format(m.windowNote, { max: MAX_RESULT_WINDOW.toLocaleString('en-US') })}</Typography.Text>}
      </span>
    ),
  };

  return (
    <Table<EntryItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={result?.items ?? []}
      loading={loading}
      pagination={pagination}
      locale={{ emptyText }}
      scroll={{ x: 1150 }}
      onRow={(entry) => ({ onClick: () => void navigate(`/entries/${entry.id}`), style: { cursor: 'pointer' } })}
      onChange={(page, _filters, sorter) => {
        const { columnKey, order } = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<EntryItem> | undefined ?? {};
        const sort = order ? (columnKey as SortKey) : null;
        const pageSize = page.pageSize ?? query.pageSize;
        onPage({
          page: pageSize !== query.pageSize || sort !== query.sort || (order ?? null) !== sortOrderOf(query, query.sort ?? 'createdAt') ? 1 : Math.min(page.current ?? 1, lastReachablePage(pageSize)),
          pageSize,
          sort,
          order: order === 'descend' ? 'desc' : order === 'ascend' ? 'asc' : null,
        });
      }}
      data-testid="entry-table"
    />
  );
}
