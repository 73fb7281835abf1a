// A refused submission above an editor's form: the server's message, and any issue no field of the form could show.
// Pass only errors the fields do not already show (useServerIssues' onFieldsOnly).

import { Alert } from 'antd';
import { ApiError } from '../../api/client.ts';
import type { PlacedIssues } from './server-issues.ts';

export function EditorErrorAlert({ error, unplaced }: { error: unknown; unplaced: PlacedIssues['unplaced'] }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  const description = unplaced.length > 0
    ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{unplaced.map((issue) => <li key={issue.path}><code>{issue.path}</code> {issue.message}</li>)}</ul>
    : code ? `code: ${code}` : undefined;
  return <Alert type="error" showIcon title={message} description={description} style={{ marginBottom: 16 }} data-testid="api-error" />;
}
