// Uploads one image or video with a progress bar; the new item waits for review like any other content.

import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Progress, Result, Upload } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { format } from '../../i18n/messages.ts';
import { useUploadMedia, type UploadedMedia } from './content-api.ts';
import { useContentMessages } from './content-messages.ts';
import { titleFromFileName } from './media-upload.ts';

// The controller's limit (MAX_UPLOAD_BYTES in controller/server/http/app.ts): refuse before sending 200 MB for nothing.
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const ACCEPT = '.png,.jpg,.jpeg,.webp,.mp4,.webm,image/png,image/jpeg,image/webp,video/mp4,video/webm';
const DEFAULT_DURATION_SECONDS = 15;

interface UploadForm {
  title: string;
  durationSeconds: number;
}

export function UploadMediaModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const m = useContentMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadForm>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [uploaded, setUploaded] = useState<{ title: string; media: UploadedMedia } | null>(null);
  const upload = useUploadMedia();

  const reset = () => {
    form.resetFields();
    setFile(null);
    setFileError(null);
    setProgress(0);
    setUploaded(null);
    upload.reset();
  };
  const close = () => {
    if (upload.isPending) return;
    reset();
    onClose();
  };

  const submit = async (values: UploadForm) => {
    if (!file) {
      setFileError(m.uploadFileRequired);
      return;
    }
    setProgress(0);
    try {
      const media = await upload.mutateAsync({ file, title: values.title.trim(), durationSeconds: values.durationSeconds, onProgress: setProgress });
      setUploaded({ title: values.title.trim(), media });
      void message.success(format(m.uploadDone, { title: values.title.trim() }));
    } catch {
      // Shown in the modal from upload.error.
    }
  };

  const percent = Math.round(progress * 100);
  return (
    <Modal
      open={open}
      title={m.uploadTitle}
      onCancel={close}
      maskClosable={!upload.isPending}
      closable={!upload.isPending}
      width={560}
      destroyOnHidden
      footer={
        uploaded
          ? [<Button key="again" onClick={reset}>{m.uploadAnother}</Button>, <Button key="done" type="primary" onClick={close}>{m.done}</Button>]
          : [<Button key="cancel" onClick={close} disabled={upload.isPending}>{m.cancel}</Button>, <Button key="upload" type="primary" loading={upload.isPending} onClick={() => form.submit()} data-testid="upload-start">{m.uploadStart}</Button>]
      }
    >
      {uploaded ? (
        <Result status="success" title={format(m.uploadDone, { title: uploaded.title })} extra={<Progress percent={100} data-testid="upload-progress" />} style={{ padding: '16px 0' }} />
      ) : (
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ durationSeconds: DEFAULT_DURATION_SECONDS }} disabled={upload.isPending} requiredMark="optional">
          <ApiErrorAlert error={upload.error} />
          <Form.Item label={m.uploadFile} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
            <Upload.Dragger
              accept={ACCEPT}
              maxCount={1}
              fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(chosen) => {
                if (chosen.size > MAX_UPLOAD_BYTES) {
                  setFileError(m.uploadTooLarge);
                  return Upload.LIST_IGNORE;
                }
                setFile(chosen);
                setFileError(null);
                if (!form.getFieldValue('title')) form.setFieldValue('title', titleFromFileName(chosen.name));
                // Held here and sent with the title on submit, not uploaded on choice.
                return false;
              }}
              onRemove={() => setFile(null)}
              data-testid="upload-dragger"
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{m.uploadDrop}</p>
              <p className="ant-upload-hint">{m.uploadHint}</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item name="title" label={m.uploadName} rules={[{ required: true, whitespace: true, message: m.uploadNameRequired }, { max: 200 }]}>
            <Input maxLength={200} showCount />
          </Form.Item>
          <Form.Item name="durationSeconds" label={m.uploadDuration} extra={m.uploadDurationHelp} rules={[{ required: true }]}>
            <InputNumber min={3} max={3600} precision={0} style={{ width: 160 }} />
          </Form.Item>
          {upload.isPending && <Progress percent={percent} status="active" data-testid="upload-progress" />}
        </Form>
      )}
    </Modal>
  );
}
