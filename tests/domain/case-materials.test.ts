import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkMaterials, noticeLines, type GuideMaterial } from '../../server/domain/case-materials';

const m = (id: string, required: boolean, tolerable = false, form: GuideMaterial['form'] = 'original'): GuideMaterial => ({ id, name: `材料${id}`, form, copies: 1, required, tolerable, note: null });
const guide = [m('1', true), m('2', true, true, 'copy'), m('3', false), m('4', true, true)];

const t = suite('materials checklist');

t('everything required received → nothing missing (optional items do not count)', () => {
  const c = checkMaterials(guide, ['1', '2', '4']);
  assert.equal(c.missingRequired, []);
  assert.ok(c.allTolerable);
  assert.equal(c.unknownIds, []);
});

t('missing and defective required items are all listed at once, in the guide wording', () => {
  const c = checkMaterials(guide, ['2', '4'], [{ materialId: '4', problem: '已过有效期' }]);
  assert.equal(c.missingRequired.map((x) => x.id), ['1', '4']);
  assert.not.ok(c.allTolerable, 'item 1 may not be supplied later');
  assert.equal(noticeLines(c.missingRequired, [{ materialId: '4', problem: '已过有效期' }]), ['材料1（原件 1 份）', '材料4（原件 1 份）：已过有效期']);
});

t('only tolerable items missing → 容缺 possible', () => {
  const c = checkMaterials(guide, ['1']);
  assert.equal(c.missingRequired.map((x) => x.id), ['2', '4']);
  assert.ok(c.allTolerable);
  assert.equal(noticeLines(c.missingRequired), ['材料2（复印件 1 份）', '材料4（原件 1 份）']);
});

t('ids not in the guide are reported', () => {
  assert.equal(checkMaterials(guide, ['1', 'x'], [{ materialId: 'y', problem: 'p' }]).unknownIds, ['x', 'y']);
});

t.run();
