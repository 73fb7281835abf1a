// The list view editor: which list and entries a screen rolls, and how; submitting sends the view for review.

import { Form } from 'antd';
import { useMemo } from 'react';
import { format } from '../../i18n/messages.ts';
import { useCreateListView } from './content-api.ts';
import { documentOf, splitMediaChoices, type ContentItem } from './content-items.ts';
import { EditorDrawer } from './EditorDrawer.tsx';
import { EMPTY_LIST_VIEW_DRAFT, listViewDraftOf, listViewFieldOf, listViewRequestOf, type ListViewDraft } from './list-view-draft.ts';
import { useListViewMessages } from './list-view-messages.ts';
import { ListViewForm } from './ListViewForm.tsx';
import { useReviewSubmission } from './use-review-submission.ts';

interface ListViewEditorDrawerProps {
  open: boolean;
  /** the view opened from the library; null: a new one */
  source: ContentItem | null;
  /** the whole library, for the split layout's picture */
  library: readonly ContentItem[];
  readOnly: boolean;
  onClose: () => void;
}

export function ListViewEditorDrawer({ open, source, library, readOnly, onClose }: ListViewEditorDrawerProps) {
  const m = useListViewMessages();
  const [form] = Form.useForm<ListViewDraft>();
  const submission = useReviewSubmission({
    form,
    fieldOf: listViewFieldOf,
    mutation: useCreateListView(),
    requestOf: listViewRequestOf,
    submittedText: (request) => format(m.submitted, { title: request.title }),
    onSubmitted: onClose,
  });
  const media = useMemo(() => splitMediaChoices(library), [library]);
  const initial = useMemo(() => {
    const parsed = source ? documentOf(source) : null;
    return parsed?.kind === 'list-view' ? listViewDraftOf(parsed.document) : EMPTY_LIST_VIEW_DRAFT;
  }, [source]);

  return (
    <EditorDrawer<ListViewDraft>
      open={open}
      onClose={onClose}
      texts={m}
      size={880}
      readOnly={readOnly}
      source={source}
      submitTestId="list-view-submit"
      form={form}
      initial={initial}
      submission={submission}
    >
      <ListViewForm form={form} media={media} />
    </EditorDrawer>
  );
}
