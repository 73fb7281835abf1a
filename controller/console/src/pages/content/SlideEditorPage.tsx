// The slide editor (/content/slides/new, /content/slides/:slideId): the slide's fields beside a live
// preview drawn by the display's own slide component; submitting sends a new slide for review.

import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Result, Row, Spin } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { useContentItems, useCreateSlide } from './content-api.ts';
import { documentOf, type ContentItem } from './content-items.ts';
import { EditorErrorAlert } from './EditorErrorAlert.tsx';
import { ExistingItemNotice } from './ExistingItemNotice.tsx';
import { usePreviewMessages } from './preview-messages.ts';
import { fieldIn } from './server-issues.ts';
import { EMPTY_SLIDE_DRAFT, previewSlideOf, slideDraftOf, slideRequestOf, type SlideDraft } from './slide-draft.ts';
import { useSlideEditorMessages } from './slide-editor-messages.ts';
import { SLIDE_FIELDS, SlideForm } from './SlideForm.tsx';
import { SlidePreview } from './SlidePreview.tsx';
import { useReviewSubmission } from './use-review-submission.ts';

const slideFieldOf = fieldIn(SLIDE_FIELDS);

function SlideEditor({ source }: { source: ContentItem | null }) {
  const m = useSlideEditorMessages();
  const pm = usePreviewMessages();
  const navigate = useNavigate();
  const [form] = Form.useForm<SlideDraft>();
  const create = useCreateSlide();
  const submission = useReviewSubmission({
    form,
    fieldOf: slideFieldOf,
    mutation: create,
    requestOf: slideRequestOf,
    submittedText: (request) => format(m.submitted, { title: request.title }),
    onSubmitted: () => void navigate('/content'),
  });
  const initial = useMemo(() => {
    const parsed = source ? documentOf(source) : null;
    return parsed?.kind === 'slide' ? slideDraftOf(parsed.document) : EMPTY_SLIDE_DRAFT;
  }, [source]);
  const draft = Form.useWatch([], form) as SlideDraft | undefined;
  const preview = previewSlideOf(draft ?? initial, m.sampleTitle);

  return (
    <>
      <PageHeader
        title={source ? format(m.openTitle, { title: source.title }) : m.newTitle}
        actions={
          <>
            <Link to="/content"><Button icon={<ArrowLeftOutlined />}>{m.back}</Button></Link>
            <Button type="primary" icon={<SendOutlined />} loading={submission.pending} onClick={() => form.submit()} data-testid="slide-submit">{source ? m.submitCopy : m.submit}</Button>
          </>
        }
      />
      {source && <ExistingItemNotice item={source} note={m.existingNote} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={10}>
          <Card title={m.formHeading}>
            <EditorErrorAlert error={submission.error} unplaced={submission.unplaced} />
            <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submission.submit(values)} requiredMark="optional">
              <SlideForm form={form} disabled={submission.pending} />
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={pm.heading}>
            <SlidePreview slide={preview} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function SlideEditorPage() {
  const m = useSlideEditorMessages();
  const { slideId = 'new' } = useParams();
  const content = useContentItems();
  if (slideId === 'new') return <SlideEditor source={null} />;
  if (content.isLoading) return <Spin style={{ marginTop: 80, width: '100%' }} />;
  if (content.error) return <ApiErrorAlert error={content.error} />;
  const source = content.data?.find((item) => item.id === slideId && item.kind === 'slide');
  if (!source) return <Result status="404" title={m.notFound} subTitle={m.notFoundBody} extra={<Link to="/content"><Button>{m.back}</Button></Link>} />;
  return <SlideEditor key={source.id} source={source} />;
}
