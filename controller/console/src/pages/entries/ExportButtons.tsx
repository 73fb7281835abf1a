// Download links for the list as it stands: each list as CSV or Excel, in the import template's columns.

import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import { LIST_KINDS } from '../../../../../shared/lists/list-entry.ts';
import { exportUrl, type ExportFormat } from './entries-api.ts';
import { useEntriesMessages } from './entries-messages.ts';
import { useListMessages } from './list-messages.ts';

function ExportButton({ format, label }: { format: ExportFormat; label: string }) {
  const l = useListMessages();
  return (
    <Dropdown
      menu={{
        items: LIST_KINDS.map((list) => ({
          key: list,
          label: <a href={exportUrl(list, format)} download data-testid={`export-${list}-${format}`}>{l[`list.${list}`]}</a>,
        })),
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid={`export-${format}`}>{label}</Button>
    </Dropdown>
  );
}

export function ExportButtons() {
  const m = useEntriesMessages();
  return (
    <Tooltip title={m.exportHint} placement="bottomRight">
      <span style={{ display: 'inline-flex', gap: 8 }}>
        <ExportButton format="csv" label={m.exportCsv} />
        <ExportButton format="xlsx" label={m.exportXlsx} />
      </span>
    </Tooltip>
  );
}
