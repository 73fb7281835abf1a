// Synthetic list rows for the demo and benchmarks: made-up companies and people with codes
// that pass their checksums. Deterministic for a given seed; never real people.

import { creditCodeCheckCharacter, CREDIT_CODE_ALPHABET } from '../../../shared/codes/credit-code.ts';
import { residentIdCheckCharacter } from '../../../shared/codes/resident-id.ts';

export const IMPORT_HEADER = ['主体名称', '主体类型', '统一社会信用代码', '证件号码', '法定代表人', '类别', '列入原因', '认定部门', '认定依据', '列入日期', '有效期至'] as const;

export type SyntheticRow = Record<(typeof IMPORT_HEADER)[number], string>;

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same demo every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const DISTRICT_CODES = ['150302', '150303', '150304'];
const COMPANY_PREFIX = ['示例', '演示', '样例', '模拟', '测试'];
const COMPANY_TRADE = ['建材', '煤业', '化工', '物流', '商贸', '建筑工程', '葡萄酒业', '能源科技', '食品', '物业服务'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '欧阳'];
const GIVEN = ['示明', '例华', '演军', '样丽', '模伟', '试芳', '示强', '例静', '演涛', '样敏'];

export function syntheticCreditCode(random: () => number): string {
  let body = `91${pick(random, DISTRICT_CODES)}MA`;
  while (body.length < 17) body += CREDIT_CODE_ALPHABET.charAt(Math.floor(random() * CREDIT_CODE_ALPHABET.length));
  return body + creditCodeCheckCharacter(body);
}

export function syntheticResidentId(random: () => number, birthYear: number): string {
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const sequence = String(Math.floor(random() * 1000)).padStart(3, '0');
  const first17 = `${pick(random, DISTRICT_CODES)}${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

export function syntheticCompanyName(random: () => number, index: number): string {
  return `乌海市${pick(random, COMPANY_PREFIX)}${pick(random, COMPANY_TRADE)}有限公司${index > 0 ? `第${index}分公司` : ''}`;
}

export function syntheticPersonName(random: () => number): string {
  return pick(random, SURNAMES) + pick(random, GIVEN);
}
