// A refused save, as the server explained it: its message, and each field it named (body.items.2.contentId: …).

import { Alert } from 'antd';
import { ApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';

function issuesOf(error: unknown): Array<{ path: string; message: string }> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter((issue): issue is { path: string; message: string } => typeof issue?.path === 'string' && typeof issue?.message === 'string');
}

export function SaveErrorAlert({ error }: { error: unknown }) {
  const issues = issuesOf(error);
  if (issues.length === 0) return <ApiErrorAlert error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="api-error"
      style={{ marginBottom: 16 }}
      title={(error as ApiError).message}
      description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{issues.map((issue) => <li key={issue.path}><code>{issue.path.replace(/^body\./, '')}</code> {issue.message}</li>)}</ul>}
    />
  );
}
