// A screen's condition as a coloured tag with its word (colour alone would fail colour-blind technicians).

import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { ScreenCondition } from '../../../../../shared/screens/screen-condition.ts';
import { useStatusMessages } from './status-messages.ts';

const LOOK: Record<ScreenCondition, { color: string; icon: ReactNode }> = {
  online: { color: 'success', icon: <CheckCircleFilled /> },
  stale: { color: 'warning', icon: <WarningFilled /> },
  error: { color: 'error', icon: <ExclamationCircleFilled /> },
  offline: { color: 'default', icon: <CloseCircleFilled /> },
  revoked: { color: 'default', icon: <MinusCircleFilled /> },
};

export function ConditionBadge({ condition }: { condition: ScreenCondition }) {
  const m = useStatusMessages();
  const look = LOOK[condition];
  return (
    <Tooltip title={m[`conditionHint.${condition}`]}>
      <Tag color={look.color} icon={look.icon} data-testid="screen-condition" data-condition={condition} style={{ marginInlineEnd: 0 }}>
        {m[`condition.${condition}`]}
      </Tag>
    </Tooltip>
  );
}
