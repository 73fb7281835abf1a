// Placeholder until this page is built (replaced in this change).

import { Result } from 'antd';

export default function EntriesPage() {
  return <Result status="info" title="EntriesPage" />;
}
