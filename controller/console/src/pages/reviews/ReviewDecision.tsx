// The verdict at the foot of every review: a comment, reject and approve; or why there is none
// (one's own change, a role that may only look). The server enforces the same rules.

import { Alert, App, Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useVerdict, type ReviewTarget } from './review-api.ts';
import { useReviewMessages } from './review-messages.ts';
import { rejectionCommentGiven, type VerdictAvailability } from './review-verdict.ts';

interface ReviewDecisionProps {
  target: ReviewTarget;
  availability: VerdictAvailability;
  /** why approval may not be pressed yet (e.g. warnings not ticked); null when it may */
  approveBlockedBy?: string | null;
  onDone: () => void;
}

export function ReviewDecision({ target, availability, approveBlockedBy = null, onDone }: ReviewDecisionProps) {
  const m = useReviewMessages();
  const { message, modal } = App.useApp();
  const verdict = useVerdict();
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);

  if (availability === 'decided') return null;
  if (availability === 'own-change') return <Alert type="warning" showIcon title={m.ownChange} description={m.ownChangeDetail} data-testid="own-change-notice" />;
  if (availability === 'no-permission') return <Alert type="info" showIcon title={m.noPermission} />;

  // The promise, not mutate's onSuccess: the refreshed item may already show as decided and unmount
  // this form before a per-call callback would run, leaving the review open. A failure shows in the alert above.
  const decide = (choice: 'approve' | 'reject') =>
    verdict.mutateAsync({ target, verdict: choice, comment: comment.trim() }).then(
      () => {
        void message.success(choice === 'approve' ? m.approvedToast : m.rejectedToast);
        onDone();
      },
      () => undefined,
    );
  const reject = () => {
    if (!rejectionCommentGiven(comment)) {
      setCommentMissing(true);
      return;
    }
    modal.confirm({ title: m.confirmRejectTitle, content: m.confirmRejectBody, okText: m.reject, okButtonProps: { danger: true }, cancelText: m.cancel, onOk: () => void decide('reject') });
  };

  return (
    <div data-testid="review-decision">
      <ApiErrorAlert error={verdict.error} />
      <Typography.Text strong>{m.commentLabel}</Typography.Text>
      <Input.TextArea
        value={comment}
        onChange={(event) => {
          setComment(event.target.value);
          if (commentMissing && rejectionCommentGiven(event.target.value)) setCommentMissing(false);
        }}
        placeholder={m.commentPlaceholder}
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={2000}
        status={commentMissing ? 'error' : undefined}
        aria-label={m.commentLabel}
        style={{ marginTop: 6 }}
      />
      {commentMissing && <Typography.Text type="danger">{m.rejectNeedsComment}</Typography.Text>}
      <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 12 }}>
        {approveBlockedBy && <Typography.Text type="warning">{approveBlockedBy}</Typography.Text>}
        <Button danger onClick={reject} loading={verdict.isPending && verdict.variables?.verdict === 'reject'}>{m.reject}</Button>
        <Button type="primary" disabled={approveBlockedBy !== null} onClick={() => void decide('approve')} loading={verdict.isPending && verdict.variables?.verdict === 'approve'}>{m.approve}</Button>
      </Flex>
    </div>
  );
}
