// A notice's target in words: all screens, or the names of its groups.

import { format } from '../../i18n/messages.ts';
import type { Emergency, ScreenGroup } from './emergency-api.ts';
import { targetGroupNames } from './emergency-format.ts';
import { useEmergencyMessages } from './emergency-messages.ts';

export function EmergencyTargetText({ target, groups }: { target: Emergency['target']; groups: readonly ScreenGroup[] }) {
  const m = useEmergencyMessages();
  const names = targetGroupNames(target, groups);
  return <>{names === null ? m.targetAll : format(m.targetGroups, { names: names.join('、') })}</>;
}
