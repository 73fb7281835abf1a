// The server's bilingual messages, shown in the reader's language.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverMessageIn } from '../../../controller/console/src/pages/reviews/entry-labels.ts';

describe('server messages in the reader\'s language', () => {
  const message = '统一社会信用代码校验位错误：应为 H，实为 0，请审核人核实 (credit code check character mismatch: the approver must confirm)';

  it('takes the Chinese half for zh-CN and the English half in the closing parentheses for en', () => {
    assert.equal(serverMessageIn(message, 'zh-CN'), '统一社会信用代码校验位错误：应为 H，实为 0，请审核人核实');
    assert.equal(serverMessageIn(message, 'en'), 'credit code check character mismatch: the approver must confirm');
  });

  it('leaves a message without an English half whole, full-width parentheses included', () => {
    assert.equal(serverMessageIn('列入日期晚于今天（请核实）', 'en'), '列入日期晚于今天（请核实）');
  });
});
