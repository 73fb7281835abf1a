// Sends a screenshot's PNG to the controller over HTTP, authenticated with the screen's own token.

import { SCREEN_ID_HEADER, screenshotUploadPath } from '../../../shared/protocol/commands.ts';

/** A PNG upload is at most a few MB over the same link as asset downloads; a minute is generous. */
const UPLOAD_TIMEOUT_MS = 60_000;

export async function uploadScreenshot(input: { controllerUrl: string; screenId: string; token: string; commandId: string; png: Uint8Array; fetchImpl?: typeof fetch }): Promise<void> {
  const response = await (input.fetchImpl ?? fetch)(`${input.controllerUrl.replace(/\/+$/, '')}${screenshotUploadPath(input.commandId)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${input.token}`, [SCREEN_ID_HEADER]: input.screenId, 'content-type': 'image/png' },
    // A copy in a Blob: fetch wants an ArrayBuffer-backed body, not a view that may sit on a SharedArrayBuffer.
    body: new Blob([new Uint8Array(input.png)], { type: 'image/png' }),
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new CommandFailure('screenshot-upload-failed', `controller answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
}

/** A command that could not do what it was asked, with a stable code for the technician's history. */
export class CommandFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'CommandFailure';
    this.code = code;
  }
}
