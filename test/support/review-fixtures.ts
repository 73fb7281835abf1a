// Review tests' helpers: a list row whose credit code has a wrong check character (a warning the
// approver must confirm, never a refusal), and the console's review queue opened and its verdicts awaited.

import type { Page } from 'playwright-core';
import type { SyntheticRow } from '../../controller/server/demo/synthetic-subjects.ts';

/** The same row with its credit code's 18th (check) character replaced by another valid one. */
export function withWrongCheckCharacter(row: SyntheticRow): SyntheticRow {
  const code = row.统一社会信用代码;
  if (code.length !== 18) throw new Error(`row ${row.主体名称} has no credit code`);
  const wrong = code.endsWith('0') ? '1' : '0';
  return { ...row, 统一社会信用代码: `${code.slice(0, 17)}${wrong}` };
}

/** The review queue on one tab, loaded. */
export async function openReviews(page: Page, url: string, tab = 'change-sets'): Promise<void> {
  await page.goto(`${url}/console/reviews?tab=${tab}`);
  await page.getByRole('heading', { name: '审核队列' }).waitFor();
}

/** Waits for a review drawer to close after a verdict; if it stays, fails with the server's answer it shows. */
export async function verdictAccepted(page: Page): Promise<void> {
  const drawer = page.getByTestId('review-drawer');
  try {
    await drawer.waitFor({ state: 'detached' });
  } catch (error) {
    const shown = await drawer.getByTestId('api-error').allInnerTexts().catch(() => []);
    throw new Error(`the review stayed open${shown.length > 0 ? `: ${shown.join(' | ')}` : ''}`, { cause: error });
  }
}
