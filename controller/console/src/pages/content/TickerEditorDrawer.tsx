// The ticker editor: the line of text and its speed above the display's own ticker band running it; submitting sends it for review.

import { Flex, Form, Input, InputNumber, Slider, Typography } from 'antd';
import { useMemo } from 'react';
import { DEFAULT_TICKER_PX_PER_SECOND } from '../../../../../shared/content/content-requests.ts';
import { format } from '../../i18n/messages.ts';
import { useCreateTicker } from './content-api.ts';
import { documentOf, type ContentItem } from './content-items.ts';
import { EditorDrawer } from './EditorDrawer.tsx';
import { fieldIn } from './server-issues.ts';
import { EMPTY_TICKER_DRAFT, previewTickerOf, tickerDraftOf, tickerRequestOf, type TickerDraft } from './ticker-draft.ts';
import { useTickerMessages } from './ticker-messages.ts';
import { TickerPreview } from './TickerPreview.tsx';
import { TICKER_SPEED_MAX, TICKER_SPEED_MIN, tickerCharsPerSecond, tickerSecondsAcross } from './ticker-speed.ts';
import { useReviewSubmission } from './use-review-submission.ts';

const tickerFieldOf = fieldIn(['text', 'title', 'pxPerSecond']);

interface TickerEditorDrawerProps {
  open: boolean;
  /** the ticker opened from the library; null: a new one */
  source: ContentItem | null;
  readOnly: boolean;
  onClose: () => void;
}

export function TickerEditorDrawer({ open, source, readOnly, onClose }: TickerEditorDrawerProps) {
  const m = useTickerMessages();
  const [form] = Form.useForm<TickerDraft>();
  const submission = useReviewSubmission({
    form,
    fieldOf: tickerFieldOf,
    mutation: useCreateTicker(),
    requestOf: tickerRequestOf,
    submittedText: (request) => format(m.submitted, { title: request.title ?? request.text.slice(0, 40) }),
    onSubmitted: onClose,
  });
  const initial = useMemo(() => {
    const parsed = source ? documentOf(source) : null;
    return parsed?.kind === 'ticker' ? tickerDraftOf(parsed.document) : EMPTY_TICKER_DRAFT;
  }, [source]);
  const draft = (Form.useWatch([], form) as TickerDraft | undefined) ?? initial;
  const speed = draft.pxPerSecond ?? DEFAULT_TICKER_PX_PER_SECOND;

  return (
    <EditorDrawer<TickerDraft>
      open={open}
      onClose={onClose}
      texts={m}
      size={1000}
      readOnly={readOnly}
      source={source}
      submitTestId="ticker-submit"
      form={form}
      initial={initial}
      submission={submission}
      after={
        <>
          <Typography.Title level={5} style={{ marginTop: 8 }}>{m.previewHeading}</Typography.Title>
          <TickerPreview ticker={previewTickerOf(draft, m.sampleText)} maxHeight={320} />
        </>
      }
    >
      <Form.Item name="text" label={m.text} extra={m.textHelp} rules={[{ required: true, whitespace: true, message: m.textRequired }, { max: 500 }]} normalize={(value: string) => value.replace(/[\r\n]+/g, ' ')}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder={m.textPlaceholder} data-testid="ticker-text-input" />
      </Form.Item>
      <Flex gap={24} wrap>
        <Form.Item name="title" label={m.title} rules={[{ max: 200 }]} style={{ flex: '1 1 280px' }}>
          <Input maxLength={200} placeholder={m.titlePlaceholder} data-testid="ticker-title-input" />
        </Form.Item>
        <Form.Item label={m.speed} required extra={format(m.speedHelp, { chars: tickerCharsPerSecond(speed), seconds: tickerSecondsAcross(speed) })} style={{ flex: '2 1 420px' }}>
          <Flex gap={16} align="center">
            <Form.Item name="pxPerSecond" noStyle>
              <Slider
                min={TICKER_SPEED_MIN}
                max={TICKER_SPEED_MAX}
                step={10}
                marks={{ [TICKER_SPEED_MIN]: m.speedSlow, [DEFAULT_TICKER_PX_PER_SECOND]: m.speedDefault, [TICKER_SPEED_MAX]: m.speedFast }}
                style={{ flex: 1 }}
              />
            </Form.Item>
            <Form.Item name="pxPerSecond" noStyle rules={[{ required: true }]}>
              <InputNumber min={TICKER_SPEED_MIN} max={TICKER_SPEED_MAX} precision={0} style={{ width: 96 }} data-testid="ticker-speed-input" />
            </Form.Item>
          </Flex>
        </Form.Item>
      </Flex>
    </EditorDrawer>
  );
}
