// Shows a failed request the way the server explained it: its message, and its code for support.

import { Alert } from 'antd';
import { ApiError } from '../api/client.ts';

export function ApiErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return <Alert type="error" showIcon title={message} description={code ? `code: ${code}` : undefined} style={{ marginBottom: 16 }} data-testid="api-error" />;
}
