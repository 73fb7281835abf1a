// A playlist row opened up: the items of the live version and of the change awaiting review, in
// play order with their seconds, so a reader sees what is on screens and what would replace it.

import { Flex, Tag, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { useContentLabels } from './content-labels.ts';
import type { PlaylistDocument, PlaylistRow } from './programme-api.ts';
import { usePlaylistMessages } from './playlists-messages.ts';

export function PlaylistVersions({ row }: { row: PlaylistRow }) {
  const m = usePlaylistMessages();
  const versions: Array<[string, PlaylistDocument]> = [];
  if (row.approved) versions.push([m.liveVersion, row.approved]);
  if (row.pending) versions.push([m.pendingVersion, row.pending]);
  return (
    <Flex vertical gap={8} style={{ paddingInlineStart: 8 }}>
      {versions.map(([label, document]) => <VersionLine key={label} label={label} document={document} />)}
    </Flex>
  );
}

function VersionLine({ label, document }: { label: string; document: PlaylistDocument }) {
  const m = usePlaylistMessages();
  const { labelOf } = useContentLabels();
  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text type="secondary" style={{ minWidth: 96 }}>{label}</Typography.Text>
      {document.items.map((item, index) => (
        <Tag key={`${index}-${item.contentId}`}>{format(m.itemLine, { n: index + 1, title: labelOf(item.contentId).title, seconds: Math.round(item.durationMs / 1000) })}</Tag>
      ))}
      {document.tickerIds.map((id) => <Tag key={id} color="blue">{format(m.tickerLine, { title: labelOf(id).title })}</Tag>)}
    </Flex>
  );
}
