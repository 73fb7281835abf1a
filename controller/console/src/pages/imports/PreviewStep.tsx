// Step 2: the check's verdict on the file, counts first, then its rows and every problem; submit the good rows.

import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Popconfirm, Progress, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { format } from '../../i18n/messages.ts';
import type { UploadState } from './FileStep.tsx';
import type { ImportPreview } from '../../../../../shared/lists/import-report.ts';
import { useImportMessages } from './import-messages.ts';
import { IssueTable } from './IssueTable.tsx';
import { headerIssues, previewRows, reportCounts, rowIssues, sampleIsPartial } from './preview-rows.ts';
import { IssueText, PreviewTable } from './PreviewTable.tsx';

interface PreviewStepProps {
  preview: ImportPreview;
  fileName: string;
  upload: UploadState | null;
  onBack: () => void;
  onSubmit: () => void;
}

function CountCard({ title, value, colour, icon, testId }: { title: string; value: number; colour: string; icon: ReactNode; testId: string }) {
  return (
    <Card size="small">
      <Statistic title={title} value={value} prefix={icon} styles={{ content: { color: colour } }} data-testid={testId} />
    </Card>
  );
}

export function PreviewStep({ preview, fileName, upload, onBack, onSubmit }: PreviewStepProps) {
  const m = useImportMessages();
  const counts = reportCounts(preview.report);
  const rows = useMemo(() => previewRows(preview), [preview]);
  const issues = useMemo(() => rowIssues(preview.report), [preview]);
  const fileIssues = headerIssues(preview.report);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex align="center" gap={8}>
        <FileTextOutlined />
        <Typography.Text strong>{fileName}</Typography.Text>
        {preview.report.encoding && <Typography.Text type="secondary">{format(m.encoding, { encoding: preview.report.encoding })}</Typography.Text>}
      </Flex>
      <Row gutter={16}>
        <Col span={6}><CountCard title={m.rows} value={counts.rows} colour="inherit" icon={<FileTextOutlined />} testId="count-rows" /></Col>
        <Col span={6}><CountCard title={m.accepted} value={counts.accepted} colour="#389e0d" icon={<CheckCircleOutlined />} testId="count-accepted" /></Col>
        <Col span={6}><CountCard title={m.refused} value={counts.refusedRows} colour={counts.refusedRows > 0 ? '#cf1322' : 'inherit'} icon={<CloseCircleOutlined />} testId="count-refused" /></Col>
        <Col span={6}><CountCard title={m.warned} value={counts.warnedRows} colour={counts.warnedRows > 0 ? '#d48806' : 'inherit'} icon={<ExclamationCircleOutlined />} testId="count-warned" /></Col>
      </Row>
      {fileIssues.length > 0 && (
        <Alert type="warning" showIcon title={m.headerIssues} description={<Space orientation="vertical" size={2}>{fileIssues.map((issue) => <IssueText key={issue.column + issue.code} issue={issue} />)}</Space>} />
      )}
      {sampleIsPartial(preview) && (
        <Alert type="info" showIcon title={format(m.partialSample, { rows: counts.rows, first: preview.sample.size.firstRows, refused: preview.sample.size.refusedRows })} />
      )}
      <Tabs
        items={[
          { key: 'rows', label: m.tabRows, children: <PreviewTable header={preview.sample.header} rows={rows} /> },
          { key: 'issues', label: format(m.tabIssues, { count: issues.length }), children: <IssueTable issues={issues} /> },
        ]}
      />
      {counts.accepted === 0 ? (
        <Alert type="error" showIcon title={m.nothingToSubmit} />
      ) : counts.refusedRows > 0 ? (
        <Alert type="warning" showIcon title={format(m.refusedNotSubmitted, { refused: counts.refusedRows })} />
      ) : null}
      {upload && (
        <div data-testid="upload-progress">
          <Typography.Text type="secondary">{format(m.submitting, { name: upload.fileName })}</Typography.Text>
          <Progress percent={Math.round(upload.fraction * 100)} status="active" />
        </div>
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onBack} disabled={upload !== null}>{m.chooseAnother}</Button>
        <Popconfirm
          title={m.submitConfirmTitle}
          description={<div style={{ maxWidth: 320 }}>{format(m.submitConfirm, { accepted: counts.accepted, refused: counts.refusedRows })}</div>}
          okText={m.ok}
          cancelText={m.cancel}
          onConfirm={onSubmit}
          disabled={counts.accepted === 0}
        >
          <Button type="primary" size="large" disabled={counts.accepted === 0} loading={upload !== null} data-testid="submit-import">
            {format(m.submit, { count: counts.accepted })}
          </Button>
        </Popconfirm>
      </Flex>
    </Space>
  );
}
