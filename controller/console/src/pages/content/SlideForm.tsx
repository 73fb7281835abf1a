// The slide's fields: title, body, colour theme and signature line, as the slide document holds them.

import { Form, Input, Radio, type FormInstance } from 'antd';
import type { SlideDocument } from '../../../../../shared/protocol/manifest.ts';
import { format } from '../../i18n/messages.ts';
import type { SlideDraft } from './slide-draft.ts';
import { useSlideEditorMessages } from './slide-editor-messages.ts';

export const SLIDE_THEMES = ['integrity', 'red', 'black'] as const satisfies ReadonlyArray<SlideDocument['theme']>;

/** Form fields by the request body's names: the server's issues land on them as they are. */
export const SLIDE_FIELDS = ['title', 'body', 'theme', 'footer'] as const;

/** The theme's ground and accent (player/display/src/styles/themes.css), as a chip beside its name. */
const THEME_CHIPS: Record<SlideDocument['theme'], string> = {
  integrity: 'linear-gradient(135deg, #0a2342 55%, #e3c06b 55%)',
  red: 'linear-gradient(135deg, #7c0b10 55%, #ffd36e 55%)',
  black: 'linear-gradient(135deg, #17191e 55%, #a4443c 55%)',
};

export function SlideForm({ form, disabled }: { form: FormInstance<SlideDraft>; disabled: boolean }) {
  const m = useSlideEditorMessages();
  const body = Form.useWatch('body', form) ?? '';
  return (
    <>
      <Form.Item name="title" label={m.title} rules={[{ required: true, whitespace: true, message: m.titleRequired }, { max: 200 }]}>
        <Input maxLength={200} showCount placeholder={m.titlePlaceholder} disabled={disabled} data-testid="slide-title-input" />
      </Form.Item>
      <Form.Item name="body" label={m.body} rules={[{ max: 2000 }]} extra={format(m.bodyHelp, { count: Array.from(body).length })}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 4, maxRows: 12 }} placeholder={m.bodyPlaceholder} disabled={disabled} data-testid="slide-body-input" />
      </Form.Item>
      <Form.Item name="theme" label={m.theme}>
        <Radio.Group disabled={disabled} optionType="button" buttonStyle="solid">
          {SLIDE_THEMES.map((theme) => (
            <Radio.Button key={theme} value={theme} data-testid={`slide-theme-${theme}`}>
              <span aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 2, marginInlineEnd: 6, verticalAlign: -2, background: THEME_CHIPS[theme], boxShadow: '0 0 0 1px rgba(0,0,0,0.15)' }} />
              {m[`theme.${theme}`]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="footer" label={m.footer} rules={[{ max: 200 }]}>
        <Input maxLength={200} showCount placeholder={m.footerPlaceholder} disabled={disabled} data-testid="slide-footer-input" />
      </Form.Item>
    </>
  );
}
