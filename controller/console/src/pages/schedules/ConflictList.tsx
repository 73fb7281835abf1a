// Every pair of schedules that compete on equal terms and overlap, whichever week it happens in,
// with a link to the week of its first overlap.

import { Alert, Button, Typography } from 'antd';
import { format } from '../../i18n/messages.ts';
import { isoWeekday } from '../../../../../shared/schedules/zoned-time.ts';
import { useScheduleMessages } from './schedules-messages.ts';
import { clockOf, type ScheduleConflict } from './week-calendar.ts';

interface Props {
  conflicts: readonly ScheduleConflict[];
  scheduleName: (scheduleId: string) => string;
  groupNames: (groupIds: readonly string[]) => string;
  onShowWeek: (date: string) => void;
}

export function ConflictList({ conflicts, scheduleName, groupNames, onShowWeek }: Props) {
  const m = useScheduleMessages();
  if (conflicts.length === 0) return <Alert type="success" showIcon title={m.noConflicts} style={{ marginBottom: 16 }} data-testid="no-conflicts" />;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="conflict-list"
      title={format(m.conflictsFound, { count: conflicts.length })}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
            {conflicts.map((conflict) => {
              const { date, startMinute, endMinute } = conflict.firstOverlap;
              return (
                <li key={conflict.scheduleIds.join('|')} data-testid="conflict-item">
                  {format(m.conflictLine, {
                    a: scheduleName(conflict.scheduleIds[0]),
                    b: scheduleName(conflict.scheduleIds[1]),
                    priority: conflict.priority,
                    groups: groupNames(conflict.sharedGroupIds),
                    date,
                    weekday: m[`weekday.${isoWeekday(date)}` as `weekday.1`],
                    from: clockOf(startMinute),
                    to: endMinute > 1440 ? format(m.nextDay, { time: clockOf(endMinute - 1440) }) : clockOf(endMinute),
                  })}
                  <Button type="link" size="small" onClick={() => onShowWeek(date)}>{m.showThatWeek}</Button>
                </li>
              );
            })}
          </ul>
          <Typography.Text type="secondary">{m.conflictRule}</Typography.Text>
        </>
      }
    />
  );
}
