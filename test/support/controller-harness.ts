// A real controller on a random loopback port with a real SQLite file in a temp folder, one
// user per role, and a small typed HTTP client for the API.

import { join } from 'node:path';
import pino from 'pino';
import { startController, type RunningController } from '../../controller/server/controller.ts';
import { DEFAULT_SCREEN_HEALTH, type ScreenHealthConfig } from '../../controller/server/features/screens/presence.ts';
import { ROLES, type Role } from '../../shared/auth/roles.ts';
import { createUser } from '../../controller/server/features/users/service.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

export class ApiClient {
  constructor(readonly baseUrl: string, private token: string | null = null) {}

  async login(username: string, password = TEST_PASSWORD): Promise<ApiResponse<{ token: string }>> {
    const response = await this.request<{ token: string }>('POST', '/api/v1/auth/login', { username, password });
    if (response.status === 200) this.token = response.body.token;
    return response;
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async upload<T = any>(path: string, fileName: string, bytes: Uint8Array | string): Promise<ApiResponse<T>> {
    const form = new FormData();
    form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), fileName);
    const headers: Record<string, string> = this.token ? { authorization: `Bearer ${this.token}` } : {};
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: form });
    return { status: response.status, body: (await response.json()) as T };
  }
}

export interface ControllerHarness {
  controller: RunningController;
  url: string;
  dataDir: string;
  userIds: Record<Role, string>;
  /** a logged-in client for a role; a second operator ('operator2') exists for four-eyes tests */
  as(username: Role | 'operator2'): Promise<ApiClient>;
  close(): Promise<void>;
}

export async function startControllerHarness(dataDir: string, options: { now?: () => number; screenHealth?: Partial<ScreenHealthConfig> } = {}): Promise<ControllerHarness> {
  const controller = await startController({
    dataDir: join(dataDir, 'controller'),
    port: 0,
    logger: pino({ level: process.env.GONGSHI_TEST_LOG ?? 'silent' }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.screenHealth ? { screenHealth: { ...DEFAULT_SCREEN_HEALTH, ...options.screenHealth } } : {}),
  });
  const { db } = controller.context;
  const userIds = {} as Record<Role, string>;
  const now = Date.now();
  for (const role of ROLES) {
    userIds[role] = (await createUser(db, { username: role, displayName: role, password: TEST_PASSWORD, roles: [role], now, actor: 'test' })).id;
  }
  await createUser(db, { username: 'operator2', displayName: 'operator2', password: TEST_PASSWORD, roles: ['operator', 'approver'], now, actor: 'test' });
  return {
    controller,
    url: controller.url,
    dataDir,
    userIds,
    async as(username) {
      const client = new ApiClient(controller.url);
      const login = await client.login(username);
      if (login.status !== 200) throw new Error(`login as ${username} failed: ${JSON.stringify(login.body)}`);
      return client;
    },
    close: () => controller.close(),
  };
}

/** Imports a CSV as the operator and approves it as the approver, which publishes; returns the change set id. */
export async function importAndApprove(h: ControllerHarness, list: 'red' | 'black', csv: string): Promise<string> {
  const operator = await h.as('operator');
  const upload = await operator.upload(`/api/v1/imports?list=${list}`, `${list}.csv`, csv);
  if (upload.status !== 201) throw new Error(`import failed: ${upload.status} ${JSON.stringify(upload.body)}`);
  const approver = await h.as('approver');
  const approved = await approver.request('POST', `/api/v1/change-sets/${upload.body.changeSetId}/approve`, { comment: 'ok' });
  if (approved.status !== 200) throw new Error(`approval failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  return upload.body.changeSetId as string;
}
