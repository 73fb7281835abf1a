// One week, Monday to Sunday by 24 hours: each schedule's windows as blocks in its playlist's
// colour with its priority, proposals (awaiting review) dashed, and where schedules of equal
// priority overlap on a shared group, a red hatched band.

import { Flex, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { format } from '../../i18n/messages.ts';
import type { PlannedSchedule } from './planned-schedules.ts';
import { tint } from './playlist-colours.ts';
import { useScheduleMessages } from './schedules-messages.ts';
import { blocksForWeek, clockOf, conflictZones, DAYS_PER_WEEK, laneLayout, weekDates, type CalendarBlock } from './week-calendar.ts';

const HOUR_PX = 26;
const DAY_PX = HOUR_PX * 24;
const GUTTER_PX = 48;
const HEADER_PX = 44;
const CONFLICT_RED = '#cf1322';
const HATCH = `repeating-linear-gradient(135deg, rgba(207, 19, 34, 0.22) 0 6px, rgba(207, 19, 34, 0.05) 6px 12px)`;

interface Props {
  monday: string;
  today: string;
  schedules: readonly PlannedSchedule[];
  colours: ReadonlyMap<string, string>;
  playlistName: (playlistId: string) => string;
  groupNames: (groupIds: readonly string[]) => string;
  onOpen: (schedule: PlannedSchedule) => void;
}

const top = (minute: number) => (minute / 60) * HOUR_PX;

export function WeekCalendar({ monday, today, schedules, colours, playlistName, groupNames, onOpen }: Props) {
  const m = useScheduleMessages();
  const dates = weekDates(monday);
  const calendars = useMemo(() => schedules.map((schedule) => schedule.calendar), [schedules]);
  const blocks = useMemo(() => blocksForWeek(calendars, monday), [calendars, monday]);
  const zones = useMemo(() => conflictZones(blocks, calendars), [blocks, calendars]);
  const byId = useMemo(() => new Map(schedules.map((schedule) => [schedule.row.id, schedule])), [schedules]);
  const conflicted = new Set(zones.flatMap((zone) => zone.scheduleIds));

  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 4, background: '#fff' }} data-testid="week-calendar">
      <div style={{ display: 'grid', gridTemplateColumns: `${GUTTER_PX}px repeat(${DAYS_PER_WEEK}, 1fr)`, height: HEADER_PX, borderBottom: '1px solid #f0f0f0' }}>
        <div />
        {dates.map((date, index) => (
          <Flex key={date} vertical align="center" justify="center" style={{ borderInlineStart: '1px solid #f0f0f0', background: date === today ? '#fff1f0' : undefined }}>
            <Typography.Text strong={date === today} style={{ fontSize: 13 }}>{m[`weekday.${index + 1}` as `weekday.1`]}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{date.slice(5)}</Typography.Text>
          </Flex>
        ))}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: `${GUTTER_PX}px repeat(${DAYS_PER_WEEK}, 1fr)`, height: DAY_PX, position: 'relative' }}>
        <div style={{ position: 'relative' }}>
          {Array.from({ length: 24 }, (_, hour) => (
            <Typography.Text key={hour} type="secondary" style={{ position: 'absolute', top: hour * HOUR_PX - 7, right: 6, fontSize: 11 }}>{hour === 0 ? '' : clockOf(hour * 60)}</Typography.Text>
          ))}
        </div>
        {dates.map((date, dayIndex) => {
          const dayBlocks = blocks.filter((block) => block.dayIndex === dayIndex);
          const { lanes, laneOf } = laneLayout(dayBlocks);
          return (
            <div key={date} style={{ position: 'relative', borderInlineStart: '1px solid #f0f0f0', backgroundImage: `repeating-linear-gradient(to bottom, transparent 0 ${HOUR_PX - 1}px, #f5f5f5 ${HOUR_PX - 1}px ${HOUR_PX}px)` }} data-testid={`calendar-day-${dayIndex}`}>
              {dayBlocks.map((block) => {
                const schedule = byId.get(block.scheduleId);
                if (!schedule) return null;
                return <Block key={`${block.scheduleId}-${block.startMinute}-${block.continued}`} block={block} lane={laneOf.get(block) ?? 0} lanes={lanes} schedule={schedule} colour={colours.get(schedule.document.playlistId) ?? '#595959'} inConflict={conflicted.has(block.scheduleId)} playlistName={playlistName} groupNames={groupNames} onOpen={onOpen} />;
              })}
              {zones.filter((zone) => zone.dayIndex === dayIndex).map((zone) => (
                <Tooltip key={`${zone.scheduleIds.join('-')}-${zone.startMinute}`} title={format(m.conflictZone, { a: byId.get(zone.scheduleIds[0])?.row.name ?? '', b: byId.get(zone.scheduleIds[1])?.row.name ?? '', from: clockOf(zone.startMinute), to: clockOf(zone.endMinute) })}>
                  <div data-testid="conflict-zone" style={{ position: 'absolute', left: 0, right: 0, top: top(zone.startMinute), height: Math.max(4, top(zone.endMinute) - top(zone.startMinute)), background: HATCH, borderTop: `2px solid ${CONFLICT_RED}`, borderBottom: `2px solid ${CONFLICT_RED}`, zIndex: 20 }} />
                </Tooltip>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface BlockProps {
  block: CalendarBlock;
  lane: number;
  lanes: number;
  schedule: PlannedSchedule;
  colour: string;
  inConflict: boolean;
  playlistName: Props['playlistName'];
  groupNames: Props['groupNames'];
  onOpen: Props['onOpen'];
}

function Block({ block, lane, lanes, schedule, colour, inConflict, playlistName, groupNames, onOpen }: BlockProps) {
  const m = useScheduleMessages();
  const height = top(block.endMinute) - top(block.startMinute);
  // Overlapping blocks cascade, as in desk calendars: each later lane starts further right and lies
  // on top, so every block keeps its own left edge and first line readable.
  const indent = lanes > 1 ? Math.min(40, 75 / (lanes - 1)) : 0;
  const { row, document, proposed } = schedule;
  const details = (
    <div>
      <div><strong>{row.name}</strong>{proposed ? ` · ${m.proposed}` : ''}</div>
      <div>{format(m.blockPlaylist, { name: playlistName(document.playlistId) })}</div>
      <div>{format(m.blockGroups, { names: groupNames(document.screenGroupIds) })}</div>
      <div>{clockOf(block.startMinute)}–{clockOf(block.endMinute)} · {format(m.priorityShort, { priority: document.priority })}</div>
      {inConflict && <div style={{ color: '#ffccc7' }}>{m.blockInConflict}</div>}
    </div>
  );
  return (
    <Tooltip title={details}>
      <div
        role="button"
        tabIndex={0}
        data-testid="calendar-block"
        data-schedule-id={row.id}
        data-conflict={inConflict ? 'yes' : 'no'}
        onClick={() => onOpen(schedule)}
        onKeyDown={(event) => (event.key === 'Enter' ? onOpen(schedule) : undefined)}
        style={{
          position: 'absolute',
          top: top(block.startMinute) + 1,
          height: Math.max(14, height - 2),
          left: `calc(${lane * indent}% + 2px)`,
          width: `calc(${100 - lane * indent}% - 4px)`,
          boxShadow: lane > 0 ? '-2px 0 0 #fff' : undefined,
          background: tint(colour, proposed ? 0.08 : 0.16),
          border: `1px ${proposed ? 'dashed' : 'solid'} ${proposed ? colour : tint(colour, 0.45)}`,
          borderLeft: `3px solid ${colour}`,
          outline: inConflict ? `2px solid ${CONFLICT_RED}` : 'none',
          borderRadius: 3,
          padding: '1px 4px',
          overflow: 'hidden',
          cursor: 'pointer',
          fontSize: 11,
          lineHeight: '15px',
          color: '#262626',
          zIndex: 1 + lane,
        }}
      >
        <div style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          <span style={{ color: colour }}>P{document.priority}</span> {row.name}
        </div>
        {height >= 30 && <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', color: '#595959' }}>{block.continued ? '↳ ' : ''}{clockOf(block.startMinute)}–{clockOf(block.endMinute)}{block.continues ? ' ↴' : ''}</div>}
      </div>
    </Tooltip>
  );
}
