import { writeFileSync } from 'node:fs';
import { csvLine, syntheticRow, TEMPLATE_HEADER } from '/work/main/test/fixtures/imports/synthetic-import.ts';
const lines = [csvLine(TEMPLATE_HEADER)];
for (let i = 0; i < 100000; i++) lines.push(csvLine(TEMPLATE_HEADER.map((h) => syntheticRow(i, 40)[h])));
writeFileSync('/tmp/gs-exp/100k.csv', '\ufeff' + lines.join('\r\n') + '\r\n');
