// Submitting an editor's form for review: the request from its values, a toast on success, and
// the server's refusal on the fields it names (the rest for the alert above the form).

import type { UseMutationResult } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import type { CreatedContent } from './content-api.ts';
import type { FieldPath } from './server-issues.ts';
import { useServerIssues } from './use-server-issues.ts';

interface ReviewSubmissionOptions<Draft, Request> {
  form: FormInstance<Draft>;
  /** the form field a request path names (see server-issues.ts); a module constant */
  fieldOf: (requestPath: string[]) => FieldPath | null;
  mutation: UseMutationResult<CreatedContent, Error, Request>;
  requestOf: (draft: Draft) => Request;
  submittedText: (request: Request) => string;
  onSubmitted: () => void;
}

export function useReviewSubmission<Draft, Request>({ form, fieldOf, mutation, requestOf, submittedText, onSubmitted }: ReviewSubmissionOptions<Draft, Request>) {
  const { message } = App.useApp();
  const issues = useServerIssues(form as FormInstance, fieldOf);
  const submit = async (values: Draft) => {
    issues.clear();
    try {
      const request = requestOf(values);
      await mutation.mutateAsync(request);
      void message.success(submittedText(request));
      onSubmitted();
    } catch (error) {
      issues.show(error);
    }
  };
  const { reset: resetMutation } = mutation;
  const { clear } = issues;
  const reset = useCallback(() => {
    resetMutation();
    clear();
  }, [resetMutation, clear]);
  return {
    submit,
    reset,
    pending: mutation.isPending,
    /** the refusal for the alert; null when its issues all sit on their fields */
    error: issues.onFieldsOnly ? null : mutation.error,
    unplaced: issues.unplaced,
  };
}

export type ReviewSubmission<Draft> = Omit<ReturnType<typeof useReviewSubmission<Draft, unknown>>, 'submit'> & { submit: (values: Draft) => Promise<void> };
