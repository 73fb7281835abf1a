// Step 1: which list, an optional category for every row, and the file; then its upload with progress.

import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Progress, Radio, Typography, Upload } from 'antd';
import { LIST_KINDS } from '../../../../../shared/lists/list-entry.ts';
import { format } from '../../i18n/messages.ts';
import { useListMessages } from '../entries/list-messages.ts';
import type { ImportTarget } from './import-api.ts';
import { useImportMessages } from './import-messages.ts';
import { formatFileSize, isImportFile } from './import-file.ts';

export interface UploadState {
  fileName: string;
  /** 0..1; 1 while the server checks the rows */
  fraction: number;
}

/** A list is never preselected: importing into the wrong list would publish people on it. */
export type ImportChoice = Omit<ImportTarget, 'list'> & { list: ImportTarget['list'] | null };

interface FileStepProps {
  target: ImportChoice;
  onTarget: (target: ImportChoice) => void;
  file: File | null;
  onFile: (file: File) => void;
  upload: UploadState | null;
  onCheck: () => void;
}

export function FileStep({ target, onTarget, file, onFile, upload, onCheck }: FileStepProps) {
  const m = useImportMessages();
  const l = useListMessages();
  const { message } = App.useApp();
  return (
    <Form layout="vertical" style={{ maxWidth: 760 }}>
      <Form.Item label={m.list} required>
        <div data-testid="import-list">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={target.list ?? undefined}
            disabled={upload !== null}
            onChange={(event) => onTarget({ ...target, list: event.target.value as ImportTarget['list'] })}
            options={LIST_KINDS.map((list) => ({ value: list, label: l[`list.${list}`] }))}
          />
        </div>
      </Form.Item>
      <Form.Item label={m.categoryOverride} extra={m.categoryOverrideHelp}>
        <Input value={target.category} maxLength={100} allowClear placeholder={m.categoryPlaceholder} disabled={upload !== null} onChange={(event) => onTarget({ ...target, category: event.target.value })} style={{ maxWidth: 360 }} />
      </Form.Item>
      <Form.Item>
        <div data-testid="import-dropzone">
          <Upload.Dragger
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={upload !== null}
            beforeUpload={(picked) => {
              if (isImportFile(picked.name)) onFile(picked);
              else void message.error(m.wrongType);
              // The wizard uploads the file itself, with its own progress bar.
              return false;
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{m.dropTitle}</p>
            <p className="ant-upload-hint" style={{ paddingInline: 24 }}>{m.dropHint}</p>
          </Upload.Dragger>
        </div>
      </Form.Item>
      {file && (
        <Flex align="center" gap={12} style={{ marginBottom: 16 }} data-testid="import-file">
          <FileExcelOutlined style={{ fontSize: 20, color: '#389e0d' }} />
          <Typography.Text strong>{file.name}</Typography.Text>
          <Typography.Text type="secondary">{formatFileSize(file.size)}</Typography.Text>
        </Flex>
      )}
      {upload && (
        <div style={{ marginBottom: 16 }} data-testid="upload-progress">
          <Typography.Text type="secondary">{upload.fraction < 1 ? format(m.uploading, { name: upload.fileName }) : m.checking}</Typography.Text>
          <Progress percent={Math.round(upload.fraction * 100)} status="active" />
        </div>
      )}
      <Button type="primary" size="large" disabled={!file || target.list === null} loading={upload !== null} onClick={onCheck}>{m.checkFile}</Button>
    </Form>
  );
}
