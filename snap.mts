import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { readImportFile } from '/work/main/controller/server/features/imports/read-import-file.ts';
const bytes = readFileSync('/tmp/gs-exp/100k.csv');
const r = await readImportFile(bytes, 'x.csv', { list: 'black', today: '2026-06-01' });
(globalThis as any).gc();
console.log(process.memoryUsage().heapUsed / 1048576);
v8.writeHeapSnapshot('/tmp/gs-exp/h.heapsnapshot');
console.log(r.entries.length);
