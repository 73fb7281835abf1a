// The import wizard: choose a list and a file → preview with every bad row and its reason → submit
// the good rows as one change set → watch its review. The change set being watched is in the
// address (?changeSet=…), so the status survives a reload and can be opened from the history.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, Steps } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { format } from '../../i18n/messages.ts';
import { FileStep, type ImportChoice, type UploadState } from './FileStep.tsx';
import { CHANGE_SETS_KEY, previewImport, submitImport, type ImportTarget } from './import-api.ts';
import { ImportHistory } from './ImportHistory.tsx';
import { useImportMessages } from './import-messages.ts';
import { PreviewStep } from './PreviewStep.tsx';
import { ReviewStatus } from './ReviewStatus.tsx';

const EMPTY_CHOICE: ImportChoice = { list: null, category: '' };

interface Upload {
  picked: File;
  target: ImportTarget;
}

export default function ImportsPage() {
  const m = useImportMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const watched = params.get('changeSet');
  const [choice, setChoice] = useState<ImportChoice>(EMPTY_CHOICE);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<UploadState | null>(null);

  /** Uploads with the progress bar showing, whichever the call. */
  async function withProgress<T>(picked: File, send: (onProgress: (fraction: number) => void) => Promise<T>): Promise<T> {
    setUpload({ fileName: picked.name, fraction: 0 });
    try {
      return await send((fraction) => setUpload({ fileName: picked.name, fraction }));
    } finally {
      setUpload(null);
    }
  }
  const preview = useMutation({ mutationFn: ({ picked, target }: Upload) => withProgress(picked, (onProgress) => previewImport(picked, target, onProgress)) });
  const submission = useMutation({
    mutationFn: ({ picked, target }: Upload) => withProgress(picked, (onProgress) => submitImport(picked, target, onProgress)),
    onSuccess: async (result) => {
      if (result.changeSetId === null) {
        // Every row was refused this time (another import may have listed them since the preview).
        void message.error(m.nothingToSubmit);
        return;
      }
      void message.success(format(m.submitted, { count: result.report.accepted }));
      await queryClient.invalidateQueries({ queryKey: CHANGE_SETS_KEY });
      watch(result.changeSetId);
    },
  });

  const reset = () => {
    setFile(null);
    preview.reset();
    submission.reset();
  };
  const watch = (changeSetId: string) => {
    reset();
    setParams({ changeSet: changeSetId });
  };
  const startOver = () => {
    reset();
    setChoice(EMPTY_CHOICE);
    setParams({});
  };
  const target = (): ImportTarget | null => (choice.list === null ? null : { list: choice.list, category: choice.category });
  const send = (mutation: typeof preview | typeof submission) => {
    const chosen = target();
    if (file && chosen) mutation.mutate({ picked: file, target: chosen });
  };

  const step = watched ? 3 : submission.isPending ? 2 : preview.data ? 1 : 0;
  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Card style={{ marginBottom: 24 }}>
        <Steps current={step} items={[{ title: m.stepFile }, { title: m.stepPreview }, { title: m.stepSubmit }, { title: m.stepStatus }]} style={{ marginBottom: 32 }} data-testid="import-steps" />
        <ApiErrorAlert error={preview.error ?? submission.error} />
        {watched ? (
          <ReviewStatus changeSetId={watched} onNewImport={startOver} />
        ) : preview.data && file ? (
          <PreviewStep preview={preview.data} fileName={file.name} upload={upload} onBack={reset} onSubmit={() => send(submission)} />
        ) : (
          <FileStep target={choice} onTarget={setChoice} file={file} onFile={(picked) => { preview.reset(); setFile(picked); }} upload={upload} onCheck={() => send(preview)} />
        )}
      </Card>
      <Card>
        <ImportHistory onOpen={watch} />
      </Card>
    </>
  );
}
