// The library's rows: a picture, the title with what the item says, its kind and review status, who and when, and what may be done with it.

import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes, ReactNode } from 'react';
import { format } from '../../i18n/messages.ts';
import { ContentStatusTag } from './ContentStatusTag.tsx';
import { ContentThumbnail } from './ContentThumbnail.tsx';
import { documentOf, type ContentItem } from './content-items.ts';
import { useContentMessages } from './content-messages.ts';
import { RetireButton } from './RetireButton.tsx';

type Messages = ReturnType<typeof useContentMessages>;

const KIND_COLOURS: Record<ContentItem['kind'], string> = { slide: 'blue', image: 'cyan', video: 'purple', ticker: 'geekblue', 'list-view': 'volcano' };

/** One line of what the item holds, under its title. */
function summaryOf(item: ContentItem, m: Messages): string {
  const parsed = documentOf(item);
  if (!parsed) return m.unreadable;
  switch (parsed.kind) {
    case 'slide':
      return [parsed.document.body, parsed.document.footer].filter(Boolean).join(' · ');
    case 'ticker':
      return `${parsed.document.text} · ${format(m.summarySpeed, { px: parsed.document.pxPerSecond })}`;
    case 'list-view':
      return [m[`summaryList.${parsed.document.list}`], m[`summaryLayout.${parsed.document.view.layout ?? 'full'}`], format(m.summaryDuration, { seconds: parsed.document.durationMs / 1000 })].join(' · ');
    case 'image':
    case 'video':
      return `${parsed.document.mediaType} · ${format(m.summaryDuration, { seconds: parsed.document.durationMs / 1000 })}`;
  }
}

/** Who did something, with when under it. */
function WhoWhen({ name, at }: { name: string; at: number }) {
  return (
    <Flex vertical>
      <Typography.Text>{name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayjs(at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
    </Flex>
  );
}

interface ContentTableProps {
  items: ContentItem[];
  loading: boolean;
  canEdit: boolean;
  /** what an empty table shows: the library's first steps, or that the filters match nothing */
  emptyText: ReactNode;
  onOpen: (item: ContentItem) => void;
}

export function ContentTable({ items, loading, canEdit, emptyText, onOpen }: ContentTableProps) {
  const m = useContentMessages();
  const columns: TableColumnsType<ContentItem> = [
    { key: 'preview', title: m.colPreview, width: 96, render: (_, item) => <ContentThumbnail item={item} /> },
    {
      key: 'title',
      title: m.colTitle,
      render: (_, item) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: item.title }}>{item.title}</Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ fontSize: 12 }}>{summaryOf(item, m)}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'kind', title: m.colKind, width: 104, render: (_, item) => <Tag color={KIND_COLOURS[item.kind]}>{m[`kind.${item.kind}`]}</Tag> },
    { key: 'status', title: m.colStatus, width: 96, render: (_, item) => <ContentStatusTag status={item.status} comment={item.reviewComment} /> },
    { key: 'author', title: m.colAuthor, width: 168, render: (_, item) => <WhoWhen name={item.submittedByName ?? item.submittedBy} at={item.submittedAt} /> },
    { key: 'review', title: m.colReview, width: 168, render: (_, item) => (item.reviewedAt === null ? <Typography.Text type="secondary">—</Typography.Text> : <WhoWhen name={item.reviewedByName ?? item.reviewedBy ?? ''} at={item.reviewedAt} />) },
    {
      key: 'actions',
      title: m.colActions,
      width: 128,
      render: (_, item) => (
        <Flex gap={4}>
          <Button type="link" size="small" onClick={() => onOpen(item)} data-testid="content-open">{item.kind === 'image' || item.kind === 'video' ? m.view : m.open}</Button>
          {canEdit && item.status === 'approved' && <RetireButton item={item} />}
        </Flex>
      ),
    },
  ];
  return (
    <Table<ContentItem>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      size="middle"
      tableLayout="fixed"
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText }}
      onRow={(item) => ({ 'data-testid': 'content-row', 'data-content-id': item.id, 'data-kind': item.kind }) as HTMLAttributes<HTMLElement>}
    />
  );
}
