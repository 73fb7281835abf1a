// An item of the library at a readable size, pending ones included: an image or video as uploaded,
// a slide as a screen will draw it (for those who may look but not edit).

import { Modal } from 'antd';
import { format } from '../../i18n/messages.ts';
import { contentFileUrl, documentOf, type ContentItem } from './content-items.ts';
import { useContentMessages } from './content-messages.ts';
import { SlidePreview } from './SlidePreview.tsx';

function PreviewBody({ item }: { item: ContentItem }) {
  if (item.kind === 'image') return <img src={contentFileUrl(item.id)} alt={item.title} style={{ display: 'block', maxWidth: '100%', maxHeight: '70vh', margin: '0 auto' }} />;
  if (item.kind === 'video') return <video src={contentFileUrl(item.id)} controls muted style={{ display: 'block', width: '100%', maxHeight: '70vh', background: '#000' }} />;
  const parsed = documentOf(item);
  return parsed?.kind === 'slide' ? <SlidePreview slide={parsed.document} maxHeight={520} /> : null;
}

export function ContentPreviewModal({ item, onClose }: { item: ContentItem | null; onClose: () => void }) {
  const m = useContentMessages();
  return (
    <Modal open={item !== null} onCancel={onClose} footer={null} width={920} title={item ? format(m.mediaPreviewTitle, { kind: m[`kind.${item.kind}`], title: item.title }) : null} destroyOnHidden>
      {item && <PreviewBody item={item} />}
    </Modal>
  );
}
