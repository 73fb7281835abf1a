// What a pending content item will show: a slide drawn in its theme, the image or video file, the
// ticker's text, or a list view's settings.

import { Descriptions, Image, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { contentKindLabel, layoutLabel } from './content-labels.ts';
import type { PendingContent } from './review-api.ts';
import { secondsOf } from './review-format.ts';
import { useReviewMessages } from './review-messages.ts';

const SLIDE_THEMES: Record<string, { background: string; color: string }> = {
  integrity: { background: 'linear-gradient(135deg, #8c1d18 0%, #b3261e 100%)', color: '#fff8e1' },
  red: { background: '#b3261e', color: '#fff' },
  black: { background: '#1f1f1f', color: '#f5f5f5' },
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number => (typeof value === 'number' ? value : 0);

export function ContentPreview({ item }: { item: PendingContent }) {
  const m = useReviewMessages();
  const doc = item.document;
  const fileUrl = `/api/v1/content/${encodeURIComponent(item.id)}/file`;
  switch (item.kind) {
    case 'slide': {
      const theme = SLIDE_THEMES[text(doc.theme)] ?? SLIDE_THEMES.integrity!;
      return (
        <div style={{ aspectRatio: '16 / 9', maxWidth: 720, padding: '6% 7%', borderRadius: 6, background: theme.background, color: theme.color, display: 'flex', flexDirection: 'column' }} data-testid="slide-preview">
          <div style={{ fontSize: 34, fontWeight: 700, lineHeight: 1.25 }}>{text(doc.title)}</div>
          <div style={{ fontSize: 20, marginTop: 20, whiteSpace: 'pre-wrap', flex: 1 }}>{text(doc.body)}</div>
          {text(doc.footer) && <div style={{ fontSize: 14, opacity: 0.85 }}>{text(doc.footer)}</div>}
        </div>
      );
    }
    case 'image':
      return <Image src={fileUrl} alt={item.title} style={{ maxWidth: 720, maxHeight: 420, objectFit: 'contain' }} />;
    case 'video':
      return <video src={fileUrl} controls muted style={{ maxWidth: 720, maxHeight: 420, background: '#000' }} />;
    case 'ticker':
      return (
        <div>
          <div style={{ background: '#1f1f1f', color: '#fadb14', fontSize: 22, padding: '10px 16px', borderRadius: 4, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 900 }}>{text(doc.text)}</div>
          <Typography.Text type="secondary">{format(m.tickerSpeed, { speed: number(doc.pxPerSecond) })}</Typography.Text>
        </div>
      );
    case 'list-view': {
      const view = (doc.view ?? {}) as Record<string, unknown>;
      const categories = Array.isArray(view.categories) ? (view.categories as string[]).join('、') : m.listViewAllCategories;
      return (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'kind', label: m.colKind, children: contentKindLabel(m, item.kind) },
            { key: 'list', label: m.listViewList, children: doc.list === 'black' ? m.listBlack : m.listRed },
            { key: 'categories', label: m.listViewCategories, children: categories },
            { key: 'layout', label: m.listViewLayout, children: layoutLabel(m, view.layout) },
            { key: 'duration', label: m.colDuration, children: format(m.duration, { seconds: secondsOf(number(doc.durationMs)) }) },
          ]}
          style={{ maxWidth: 720 }}
        />
      );
    }
  }
}
