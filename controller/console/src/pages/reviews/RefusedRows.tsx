// The rows an import refused: not part of the change set, listed so the approver knows what is missing.

import { Collapse, List, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { useChangeSetMessages } from './change-set-messages.ts';
import { serverMessageIn } from './entry-labels.ts';
import type { ImportIssue } from './review-api.ts';

/** A report may name thousands of problems; the first ones tell the approver enough. */
const SHOWN = 100;

export function RefusedRows({ issues, refusedRows }: { issues: readonly ImportIssue[]; refusedRows: number }) {
  const m = useChangeSetMessages();
  const { locale } = useLocale();
  if (refusedRows === 0) return null;
  return (
    <Collapse
      size="small"
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'refused',
          label: format(m.refusedHeading, { count: refusedRows }),
          children: (
            <>
              <Typography.Paragraph type="secondary">{m.refusedHelp}</Typography.Paragraph>
              <List
                size="small"
                dataSource={issues.slice(0, SHOWN)}
                renderItem={(issue) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <Typography.Text strong style={{ minWidth: 160 }}>{format(m.refusedLine, { line: issue.line, column: issue.column })}</Typography.Text>
                    <Typography.Text style={{ flex: 1, marginLeft: 12 }}>{serverMessageIn(issue.message, locale)}</Typography.Text>
                  </List.Item>
                )}
              />
            </>
          ),
        },
      ]}
    />
  );
}
