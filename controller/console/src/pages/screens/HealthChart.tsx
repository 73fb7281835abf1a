// One health figure over the window as a small line chart (recharts), time on the x axis.

import { Typography } from 'antd';
import dayjs from 'dayjs';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HealthPoint } from './health-series.ts';

type Figure = Exclude<keyof HealthPoint, 'at'>;

interface Props {
  title: string;
  points: readonly HealthPoint[];
  figure: Figure;
  color: string;
  window: { from: number; to: number };
  /** fixed y range (percentages); otherwise fitted to the data from zero */
  domain?: [number, number];
}

const CHART_HEIGHT = 160;
/** Dots help while there are few samples; on a full day they would blur the line. */
const DOTS_BELOW = 40;

export function HealthChart({ title, points, figure, color, window, domain }: Props) {
  const data = points.filter((p) => p[figure] !== null);
  return (
    <div data-testid={`health-chart-${figure}`}>
      <Typography.Text strong style={{ fontSize: 13 }}>{title}</Typography.Text>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#f0f0f0" />
          <XAxis dataKey="at" type="number" scale="time" domain={[window.from, window.to]} tickFormatter={(at: number) => dayjs(at).format('HH:mm')} tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis domain={domain ?? [0, 'auto']} tick={{ fontSize: 11 }} width={48} allowDecimals={false} />
          <Tooltip labelFormatter={(at) => dayjs(Number(at)).format('MM-DD HH:mm:ss')} formatter={(value) => [value, title]} />
          <Line type="monotone" dataKey={figure} stroke={color} strokeWidth={2} dot={data.length < DOTS_BELOW} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
