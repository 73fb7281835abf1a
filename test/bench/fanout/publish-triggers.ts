// The API calls the fan-out bench starts each publish with, as operators make them in the console:
// a one-row import approved by a second person, and the withdrawal of one seeded entry.

import { ApiClient } from '../../support/controller-harness.ts';
import { csvLine, syntheticRow, TEMPLATE_HEADER } from '../../fixtures/imports/synthetic-import.ts';
import { BENCH_PASSWORD, seededEntryId } from './fleet-seed.ts';

/** The approval and withdrawal calls a publish starts from, as operators make them in the console. */
export function apiTriggers(url: string) {
  const operator = new ApiClient(url);
  const approver = new ApiClient(url);
  let nextRow = 2_000_000;
  let nextWithdrawal = 0;
  return {
    async login(): Promise<void> {
      for (const [client, name] of [[operator, 'operator'], [approver, 'approver']] as const) {
        const login = await client.login(name, BENCH_PASSWORD);
        if (login.status !== 200) throw new Error(`${name} login failed: ${login.status}`);
      }
    },
    /** a one-row import, pending approval: approving it later publishes one new entry */
    async pendingChangeSet(): Promise<string> {
      const row = syntheticRow(nextRow++);
      const csv = `${csvLine(TEMPLATE_HEADER)}\n${csvLine(TEMPLATE_HEADER.map((h) => row[h]))}\n`;
      const upload = await operator.upload('/api/v1/imports?list=black', 'fanout.csv', csv);
      if (upload.status !== 201) throw new Error(`import failed: ${upload.status} ${JSON.stringify(upload.body)}`);
      return upload.body.changeSetId as string;
    },
    async approve(changeSetId: string): Promise<number> {
      const approved = await approver.request('POST', `/api/v1/change-sets/${changeSetId}/approve`, { comment: 'fan-out bench', confirmWarnings: true });
      if (approved.status !== 200) throw new Error(`approval failed: ${approved.status} ${JSON.stringify(approved.body)}`);
      return approved.body.manifestVersion as number;
    },
    async withdrawOne(): Promise<number> {
      const id = seededEntryId(nextWithdrawal++);
      const withdrawn = await operator.request('POST', `/api/v1/entries/${id}/withdraw`, { reason: 'error', note: 'fan-out bench' });
      if (withdrawn.status !== 200) throw new Error(`withdrawal failed: ${withdrawn.status} ${JSON.stringify(withdrawn.body)}`);
      return withdrawn.body.manifestVersion as number;
    },
  };
}
