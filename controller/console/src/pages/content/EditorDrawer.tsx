// The frame of the ticker and list view editors: a drawer with the submit button, the notice for a
// reopened item, the refusal, the form (reset to its starting values on every opening) and what follows it.

import { SendOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Form, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { format } from '../../i18n/messages.ts';
import type { ContentItem } from './content-items.ts';
import { EditorErrorAlert } from './EditorErrorAlert.tsx';
import { ExistingItemNotice } from './ExistingItemNotice.tsx';
import type { ReviewSubmission } from './use-review-submission.ts';

/** The editor's own texts: its titles ('{title}' in openTitle), buttons, and what its notice says about edits. */
export type EditorTexts = Readonly<Record<'newTitle' | 'openTitle' | 'submit' | 'submitCopy' | 'cancel' | 'existingNote', string>>;

interface EditorDrawerProps<Draft> {
  open: boolean;
  onClose: () => void;
  texts: EditorTexts;
  size: number;
  readOnly: boolean;
  /** the item reopened from the library; null: a new item */
  source: ContentItem | null;
  submitTestId: string;
  form: FormInstance<Draft>;
  initial: Draft;
  submission: ReviewSubmission<Draft>;
  /** the form's fields */
  children: ReactNode;
  /** below the form: a preview */
  after?: ReactNode;
}

export function EditorDrawer<Draft>({ open, onClose, texts, size, readOnly, source, submitTestId, form, initial, submission, children, after }: EditorDrawerProps<Draft>) {
  const { reset } = submission;
  useEffect(() => {
    if (!open) return;
    // The form instance outlives the drawer's contents: start every opening from the item's values.
    form.resetFields();
    form.setFieldsValue(initial as Parameters<typeof form.setFieldsValue>[0]);
    reset();
  }, [open, initial, form, reset]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      title={source ? format(texts.openTitle, { title: source.title }) : texts.newTitle}
      destroyOnHidden
      extra={!readOnly && (
        <Flex gap={8}>
          <Button onClick={onClose}>{texts.cancel}</Button>
          <Button type="primary" icon={<SendOutlined />} loading={submission.pending} onClick={() => form.submit()} data-testid={submitTestId}>{source ? texts.submitCopy : texts.submit}</Button>
        </Flex>
      )}
    >
      {source && <ExistingItemNotice item={source} note={texts.existingNote} />}
      <EditorErrorAlert error={submission.error} unplaced={submission.unplaced} />
      <Form<Draft> form={form} layout="vertical" initialValues={initial as object} onFinish={(values) => void submission.submit(values)} disabled={readOnly || submission.pending} requiredMark="optional">
        {children}
      </Form>
      {after}
    </Drawer>
  );
}
