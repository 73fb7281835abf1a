// How the proof-of-play page names a play's content and screen: the whole lists in the reader's
// language, content by its title, and a deleted one or an unknown screen said in words.

import { isBuiltInList } from './play-items.ts';
import { useProofOfPlayMessages } from './proof-of-play-messages.ts';

export function usePlayLabels() {
  const m = useProofOfPlayMessages();
  return {
    content: (contentId: string, title: string | null) => (isBuiltInList(contentId) ? m[contentId] : (title ?? m.unknownContent)),
    screen: (name: string | null) => name ?? m.unknownScreen,
    kind: (kind: string) => (kind === 'list' || kind === 'slide' || kind === 'image' || kind === 'video' ? m[`kind.${kind}`] : kind),
  };
}
