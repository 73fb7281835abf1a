// Adds content to a playlist: the built-in whole lists and the library's playable items, searchable
// by title; content still awaiting review is shown but cannot be picked.

import { PlusOutlined } from '@ant-design/icons';
import { Flex, Select, Tag } from 'antd';
import { useMemo } from 'react';
import { BUILT_IN_LIST_IDS } from './playlist-draft.ts';
import type { ContentRow } from './programme-api.ts';
import { usePlaylistMessages } from './playlists-messages.ts';
import { useProgrammeMessages } from './programme-messages.ts';

// What a screen can play as a playlist item (a ticker runs along the bottom instead).
const PLAYABLE_KINDS: ReadonlyArray<ContentRow['kind']> = ['list-view', 'slide', 'image', 'video'];

interface PickOption {
  value: string;
  label: string;
  kind: ContentRow['kind'] | 'list';
  disabled?: boolean;
}

export function ContentPicker({ library, onPick }: { library: readonly ContentRow[]; onPick: (contentId: string) => void }) {
  const m = usePlaylistMessages();
  const pm = useProgrammeMessages();
  const options = useMemo(() => {
    const builtIn: PickOption[] = BUILT_IN_LIST_IDS.map((id) => ({ value: id, label: pm[`builtIn.${id}`], kind: 'list' }));
    const groups = PLAYABLE_KINDS.map((kind) => ({
      label: pm[`kind.${kind}`],
      options: library
        .filter((row) => row.kind === kind && (row.status === 'approved' || row.status === 'pending'))
        .map((row): PickOption => ({ value: row.id, label: row.title, kind, disabled: row.status !== 'approved' })),
    })).filter((group) => group.options.length > 0);
    return [{ label: m.builtInLists, options: builtIn }, ...groups];
  }, [library, m, pm]);
  return (
    <Select<string>
      value={null}
      placeholder={<Flex gap={6}><PlusOutlined />{m.addContent}</Flex>}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
      data-testid="content-picker"
      onSelect={(value) => onPick(value)}
      optionRender={(option) => {
        const data = option.data as PickOption;
        return (
          <Flex justify="space-between" gap={8}>
            <span>{data.label}</span>
            {data.disabled ? <Tag color="gold">{pm['status.pending']}</Tag> : <Tag>{pm[`kind.${data.kind}`]}</Tag>}
          </Flex>
        );
      }}
    />
  );
}
