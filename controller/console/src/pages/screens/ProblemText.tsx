// One line saying what is wrong with a screen, in the console's language.

import { Typography } from 'antd';
import type { ScreenProblem } from '../../../../../shared/screens/screen-condition.ts';
import { format } from '../../i18n/messages.ts';
import { useStatusMessages } from './status-messages.ts';
import { formatTime } from './units.ts';

export function problemText(problem: ScreenProblem, m: ReturnType<typeof useStatusMessages>): string {
  switch (problem.kind) {
    case 'player-error':
      return format(m['problem.player-error'], { message: problem.message });
    case 'display-silent':
      return format(m['problem.display-silent'], { since: formatTime(problem.since) });
    case 'reported-error':
      return format(m['problem.reported-error'], { message: problem.message });
  }
}

export function ProblemText({ problem }: { problem: ScreenProblem }) {
  const m = useStatusMessages();
  const text = problemText(problem, m);
  return <Typography.Text type="danger" ellipsis={{ tooltip: text }} style={{ maxWidth: '100%' }}>{text}</Typography.Text>;
}
