// A small picture of an item for the library's rows: the image itself, or the kind's sign in its colours.

import { FileTextOutlined, NotificationOutlined, PlaySquareOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';
import { contentFileUrl, documentOf, type ContentItem } from './content-items.ts';

const BOX: CSSProperties = { width: 72, height: 40, borderRadius: 3, display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden', fontSize: 18, flex: 'none' };

/** The display's theme grounds and accents (player/display/src/styles/themes.css), so a slide's row looks like its screen. */
const THEME_SWATCHES = {
  integrity: { background: 'linear-gradient(160deg, #0a2342, #15406f)', color: '#e3c06b' },
  red: { background: 'linear-gradient(160deg, #7c0b10, #a3151c)', color: '#ffd36e' },
  black: { background: 'linear-gradient(160deg, #17191e, #262a31)', color: '#d9dde3' },
} as const;

function Swatch({ style, children }: { style: CSSProperties; children: ReactNode }) {
  return <div style={{ ...BOX, ...style }} aria-hidden="true">{children}</div>;
}

export function ContentThumbnail({ item }: { item: ContentItem }) {
  if (item.kind === 'image') return <img src={contentFileUrl(item.id)} alt="" loading="lazy" style={{ ...BOX, objectFit: 'cover', background: '#f0f0f0' }} data-testid="content-thumbnail" />;
  if (item.kind === 'video') return <Swatch style={{ background: '#262a31', color: '#fff' }}><PlaySquareOutlined /></Swatch>;
  if (item.kind === 'ticker') return <Swatch style={{ background: '#05070b', color: '#fff', borderTop: '3px solid #e3c06b' }}><NotificationOutlined /></Swatch>;
  const parsed = documentOf(item);
  if (parsed?.kind === 'list-view') {
    return <Swatch style={parsed.document.list === 'red' ? THEME_SWATCHES.red : THEME_SWATCHES.black}><UnorderedListOutlined /></Swatch>;
  }
  const swatch = parsed?.kind === 'slide' ? THEME_SWATCHES[parsed.document.theme] : THEME_SWATCHES.integrity;
  return (
    <Swatch style={{ ...swatch, fontSize: 9, fontWeight: 700, padding: 4, lineHeight: 1.2, textAlign: 'center' }}>
      {parsed?.kind === 'slide' ? <span style={{ overflow: 'hidden', maxHeight: 22 }}>{parsed.document.title}</span> : <FileTextOutlined />}
    </Swatch>
  );
}
