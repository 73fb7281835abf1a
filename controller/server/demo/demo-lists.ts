// The demo's red and black lists, as CSV files in the credit platform's export format, so the
// demo goes through the same import, review and publication path as real data.

import { IMPORT_HEADER, seededRandom, syntheticCompanyName, syntheticCreditCode, syntheticPersonName, syntheticResidentId, type SyntheticRow } from './synthetic-subjects.ts';

const RED_CATEGORIES = [
  { category: 'A级纳税人', reason: '年度纳税信用评价为A级', authority: '国家税务总局乌海市税务局', basis: '纳税信用管理办法' },
  { category: '守合同重信用企业', reason: '连续三年合同履约率100%，无违约记录', authority: '乌海市市场监督管理局', basis: '乌海市守合同重信用企业公示办法' },
  { category: '诚信示范企业', reason: '诚信经营，质量信用评价优秀', authority: '乌海市发展和改革委员会', basis: '乌海市诚信红黑名单及奖惩制度（试行）' },
];

const BLACK_CATEGORIES = [
  { category: '失信被执行人', reason: '有履行能力而拒不履行生效法律文书确定的义务', authority: '乌海市海勃湾区人民法院', basis: '最高人民法院关于公布失信被执行人名单信息的若干规定' },
  { category: '重大税收违法失信主体', reason: '虚开增值税专用发票，涉案税额较大', authority: '国家税务总局乌海市税务局', basis: '重大税收违法失信主体信息公布管理办法' },
  { category: '安全生产失信', reason: '发生生产安全责任事故且拒不整改', authority: '乌海市应急管理局', basis: '安全生产严重失信主体名单管理办法' },
];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly SyntheticRow[]): string {
  const lines = [IMPORT_HEADER.join(','), ...rows.map((row) => IMPORT_HEADER.map((h) => csvCell(row[h])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function dateAfter(base: string, days: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function demoListRows(list: 'red' | 'black', today: string, count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const categories = list === 'red' ? RED_CATEGORIES : BLACK_CATEGORIES;
  const rows: SyntheticRow[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < count; i++) {
    const category = categories[i % categories.length]!;
    // One in three black-list entries is a natural person (e.g. a dishonest judgment debtor).
    const person = list === 'black' && i % 3 === 0;
    let name = person ? syntheticPersonName(random) : syntheticCompanyName(random, 0);
    if (usedNames.has(name)) name = person ? `${name}${i}` : syntheticCompanyName(random, i);
    usedNames.add(name);
    const listedOn = dateAfter(today, -10 - Math.floor(random() * 300));
    rows.push({
      主体名称: name,
      主体类型: person ? '自然人' : '法人',
      统一社会信用代码: person ? '' : syntheticCreditCode(random),
      证件号码: person ? syntheticResidentId(random, 1965 + Math.floor(random() * 30)) : '',
      法定代表人: person ? '' : syntheticPersonName(random),
      类别: category.category,
      列入原因: category.reason,
      认定部门: category.authority,
      认定依据: category.basis,
      列入日期: listedOn,
      有效期至: dateAfter(listedOn, 365 * (list === 'red' ? 2 : 3)),
    });
  }
  return rows;
}
