// The content library: every slide, image, video, ticker and list view with its review status;
// upload media, open the editors, retire what is on the screens.

import { DownOutlined, FileTextOutlined, NotificationOutlined, PlusOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Flex, Input, Segmented, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { useContentItems } from './content-api.ts';
import { CONTENT_KINDS, CONTENT_STATUSES, countByStatus, filterContent, type ContentItem, type ContentKind, type ContentStatus } from './content-items.ts';
import { useContentMessages } from './content-messages.ts';
import { ContentPreviewModal } from './ContentPreviewModal.tsx';
import { ContentTable } from './ContentTable.tsx';
import { ListViewEditorDrawer } from './ListViewEditorDrawer.tsx';
import { TickerEditorDrawer } from './TickerEditorDrawer.tsx';
import { UploadMediaModal } from './UploadMediaModal.tsx';

type DrawerEditor = { kind: 'ticker' | 'list-view'; source: ContentItem | null };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => (values as readonly string[]).includes(value ?? '') ? (value as T) : null;

export default function ContentPage() {
  const m = useContentMessages();
  const { can } = useSession();
  const canEdit = can('entries.import');
  const navigate = useNavigate();
  const content = useContentItems();
  // Filters live in the address, so a link (or the back button) returns to the same view.
  const [params, setParams] = useSearchParams();
  const kind = oneOf<ContentKind>(CONTENT_KINDS, params.get('kind'));
  const status = oneOf<ContentStatus>(CONTENT_STATUSES, params.get('status'));
  const text = params.get('q') ?? '';
  const setParam = (name: string, value: string | null) => setParams((previous) => {
    const next = new URLSearchParams(previous);
    if (value) next.set(name, value);
    else next.delete(name);
    return next;
  }, { replace: true });

  const [uploadOpen, setUploadOpen] = useState(false);
  const [drawer, setDrawer] = useState<DrawerEditor | null>(null);
  const [viewing, setViewing] = useState<ContentItem | null>(null);

  const items = useMemo(() => content.data ?? [], [content.data]);
  const shown = useMemo(() => filterContent(items, { kind, status, text }), [items, kind, status, text]);
  const counts = useMemo(() => countByStatus(items), [items]);

  const open = (item: ContentItem) => {
    // The slide editor is for those who may submit; anyone else sees the slide as a screen will.
    if (item.kind === 'slide' && canEdit) void navigate(`/content/slides/${encodeURIComponent(item.id)}`);
    else if (item.kind === 'ticker' || item.kind === 'list-view') setDrawer({ kind: item.kind, source: item });
    else setViewing(item);
  };

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        actions={canEdit && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => setUploadOpen(true)} data-testid="content-upload">{m.upload}</Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'slide', icon: <FileTextOutlined />, label: <span data-testid="content-new-slide">{m.newSlide}</span>, onClick: () => void navigate('/content/slides/new') },
                  { key: 'ticker', icon: <NotificationOutlined />, label: <span data-testid="content-new-ticker">{m.newTicker}</span>, onClick: () => setDrawer({ kind: 'ticker', source: null }) },
                  { key: 'list-view', icon: <UnorderedListOutlined />, label: <span data-testid="content-new-list-view">{m.newListView}</span>, onClick: () => setDrawer({ kind: 'list-view', source: null }) },
                ],
              }}
            >
              <Button type="primary" icon={<PlusOutlined />} data-testid="content-create">{m.create} <DownOutlined /></Button>
            </Dropdown>
          </>
        )}
      />
      <ApiErrorAlert error={content.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} align="center" wrap style={{ padding: '12px 16px', borderBottom: '1px solid #f0f0f0' }}>
          <Segmented<string>
            value={kind ?? 'all'}
            onChange={(value) => setParam('kind', value === 'all' ? null : value)}
            options={[{ value: 'all', label: m.allKinds }, ...CONTENT_KINDS.map((k) => ({ value: k, label: m[`kind.${k}`] }))]}
            data-testid="content-kind-filter"
          />
          <Select<string>
            value={status ?? 'all'}
            onChange={(value) => setParam('status', value === 'all' ? null : value)}
            style={{ width: 150 }}
            options={[{ value: 'all', label: m.allStatuses }, ...CONTENT_STATUSES.map((s) => ({ value: s, label: `${m[`status.${s}`]} (${counts[s]})` }))]}
            data-testid="content-status-filter"
          />
          <Input.Search allowClear defaultValue={text} placeholder={m.searchPlaceholder} onSearch={(value) => setParam('q', value.trim() || null)} style={{ width: 240 }} />
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>{format(m.shown, { count: shown.length })}</Typography.Text>
        </Flex>
        <ContentTable items={shown} loading={content.isLoading} canEdit={canEdit} emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={items.length === 0 ? m.emptyLibrary : m.emptyFiltered} />} onOpen={open} />
      </Card>
      {canEdit && <UploadMediaModal open={uploadOpen} onClose={() => setUploadOpen(false)} />}
      <TickerEditorDrawer open={drawer?.kind === 'ticker'} source={drawer?.kind === 'ticker' ? drawer.source : null} readOnly={!canEdit} onClose={() => setDrawer(null)} />
      <ListViewEditorDrawer open={drawer?.kind === 'list-view'} source={drawer?.kind === 'list-view' ? drawer.source : null} library={items} readOnly={!canEdit} onClose={() => setDrawer(null)} />
      <ContentPreviewModal item={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
