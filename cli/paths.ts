// Where things are on disk, relative to the repository, whatever the working directory.

import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DISPLAY_DIST_DIR = resolve(REPO_ROOT, 'player/display/dist');
