// A screen as the board shows it: the API's view with its condition, problem and group names worked out once per refresh.

import type { ScreenCondition, ScreenProblem } from '../../../../../shared/screens/screen-condition.ts';
import { conditionOf, problemOf } from './fleet-filter.ts';
import type { ScreenView } from './screens-api.ts';

export interface BoardRow extends ScreenView {
  condition: ScreenCondition;
  problem: ScreenProblem | null;
  groups: string[];
}

export function boardRows(screens: readonly ScreenView[], groupsByScreen: ReadonlyMap<string, string[]>, currentVersion: number, now: number): BoardRow[] {
  return screens.map((screen) => ({
    ...screen,
    condition: conditionOf(screen, currentVersion, now),
    problem: problemOf(screen, currentVersion, now),
    groups: groupsByScreen.get(screen.id) ?? [],
  }));
}
