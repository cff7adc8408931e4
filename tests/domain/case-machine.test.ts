/** The case state machine as a table: every action from every status, and the rules inside each step. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ALLOWED_FROM, applyCaseAction, newCaseState, promiseOverdue, type CaseAction, type CaseActionType, type CaseState } from '../../server/domain/case-machine';
import type { CaseStatus } from '../../server/protocol/cases';

const at = new Date('2025-09-01T02:00:00Z');
const date = '2025-09-01';
const STATUSES: CaseStatus[] = ['intake', 'notice', 'accepted', 'not_accepted', 'reviewing', 'supplement', 'approved', 'refused', 'producing', 'ready', 'posted', 'collected', 'closed', 'withdrawn'];

/** A valid action of each type (inputs that pass its own checks). */
const sample: Record<CaseActionType, CaseAction> = {
  notice: { type: 'notice', missing: ['公司章程'], at, date },
  resume: { type: 'resume', at, date },
  accept: { type: 'accept', missingRequired: [], at, date },
  accept_tolerated: { type: 'accept_tolerated', missingRequired: ['住所使用证明'], tolerable: true, promiseDate: '2025-09-05', at, date },
  not_accept: { type: 'not_accept', reason: '不属于本部门职权范围', at, date },
  complete_on_spot: { type: 'complete_on_spot', missingRequired: [], onTheSpotMatter: true, at, date },
  start_review: { type: 'start_review', at, date },
  request_supplement: { type: 'request_supplement', at, date },
  supplied: { type: 'supplied', at, date },
  approve: { type: 'approve', at, date },
  refuse: { type: 'refuse', reason: '不符合法定条件', at, date },
  produce: { type: 'produce', at, date },
  ready: { type: 'ready', at, date },
  post: { type: 'post', trackingNumber: 'SF1234567890', at, date },
  deliver: { type: 'deliver', at, date },
  issue_electronic: { type: 'issue_electronic', at, date },
  collect: { type: 'collect', at, date },
  withdraw: { type: 'withdraw', reason: '申请人主动撤回', at, date },
  fulfil_promise: { type: 'fulfil_promise', at, date },
};

/** Where each action leads. */
const TO: Record<CaseActionType, CaseStatus | 'same'> = {
  notice: 'notice', resume: 'intake', accept: 'accepted', accept_tolerated: 'accepted', not_accept: 'not_accepted',
  complete_on_spot: 'closed', start_review: 'reviewing', request_supplement: 'supplement', supplied: 'reviewing',
  approve: 'approved', refuse: 'refused', produce: 'producing', ready: 'ready', post: 'posted', deliver: 'closed',
  issue_electronic: 'closed', collect: 'collected', withdraw: 'withdrawn', fulfil_promise: 'same',
};

const stateIn = (status: CaseStatus): CaseState => ({ ...newCaseState(), status, tolerated: true, promiseDate: '2025-09-05' });

const table = suite('case state table');

table('every action × every status: allowed ones move to their target, the rest are invalid_transition and change nothing', () => {
  let allowed = 0;
  let refused = 0;
  for (const type of Object.keys(sample) as CaseActionType[]) {
    for (const status of STATUSES) {
      const before = stateIn(status);
      const snapshot = structuredClone(before);
      const r = applyCaseAction(before, sample[type]);
      assert.equal(before, snapshot, 'input never mutated');
      if (ALLOWED_FROM[type].includes(status)) {
        allowed++;
        assert.ok(r.ok, `${type} from ${status}: ${!r.ok && r.message}`);
        if (r.ok) assert.is(r.value.status, TO[type] === 'same' ? status : TO[type], `${type} from ${status}`);
      } else {
        refused++;
        assert.ok(!r.ok && r.code === 'invalid_transition', `${type} from ${status} must be refused`);
      }
    }
  }
  assert.is(allowed + refused, 19 * 14);
  assert.is(allowed, Object.values(ALLOWED_FROM).reduce((n, l) => n + l.length, 0));
});

table('terminal statuses allow nothing', () => {
  for (const status of ['not_accepted', 'refused', 'collected', 'closed', 'withdrawn'] as const) {
    for (const type of Object.keys(sample) as CaseActionType[]) assert.not.ok(ALLOWED_FROM[type].includes(status), `${type} from ${status}`);
  }
});

const rules = suite('rules inside the steps');

rules('一次性告知 needs at least one missing item; coming back resumes the same case', () => {
  const r = applyCaseAction(newCaseState(), { ...sample.notice, missing: [] } as CaseAction);
  assert.ok(!r.ok && r.code === 'case_notice_empty');
  const n = applyCaseAction(newCaseState(), sample.notice);
  assert.ok(n.ok && n.value.noticeCount === 1);
  const back = applyCaseAction(n.ok ? n.value : newCaseState(), sample.resume);
  assert.ok(back.ok && back.value.status === 'intake' && back.value.noticeCount === 1);
});

rules('受理 with a required item missing is refused; 容缺 only for tolerable items, with a future promise date', () => {
  const a = applyCaseAction(newCaseState(), { type: 'accept', missingRequired: ['公司章程'], at, date });
  assert.ok(!a.ok && a.code === 'case_materials_missing' && a.message.includes('公司章程'));
  const notTolerable = applyCaseAction(newCaseState(), { ...sample.accept_tolerated, tolerable: false } as CaseAction);
  assert.ok(!notTolerable.ok && notTolerable.code === 'case_not_tolerable');
  const nothingMissing = applyCaseAction(newCaseState(), { ...sample.accept_tolerated, missingRequired: [] } as CaseAction);
  assert.ok(!nothingMissing.ok && nothingMissing.code === 'case_not_tolerable');
  for (const promiseDate of ['2025-09-01', '2025-08-30', 'soon']) {
    const bad = applyCaseAction(newCaseState(), { ...sample.accept_tolerated, promiseDate } as CaseAction);
    assert.ok(!bad.ok && bad.code === 'validation_failed', promiseDate);
  }
  const ok = applyCaseAction(newCaseState(), sample.accept_tolerated);
  assert.ok(ok.ok && ok.value.tolerated && ok.value.promiseDate === '2025-09-05' && ok.value.acceptedDate === date);
});

rules('当场办结 only for an on-the-spot matter with every required item', () => {
  const no = applyCaseAction(newCaseState(), { ...sample.complete_on_spot, onTheSpotMatter: false } as CaseAction);
  assert.ok(!no.ok && no.code === 'case_not_on_the_spot');
  const missing = applyCaseAction(newCaseState(), { ...sample.complete_on_spot, missingRequired: ['x'] } as CaseAction);
  assert.ok(!missing.ok && missing.code === 'case_materials_missing');
  const done = applyCaseAction(newCaseState(), sample.complete_on_spot);
  assert.ok(done.ok && done.value.onTheSpot && done.value.closedAt === at && done.value.acceptedAt === at);
});

rules('reasons and tracking numbers are required', () => {
  for (const [status, action] of [
    ['intake', { type: 'not_accept', reason: '  ', at, date }],
    ['reviewing', { type: 'refuse', reason: '', at, date }],
    ['approved', { type: 'post', trackingNumber: ' ', at, date }],
    ['accepted', { type: 'withdraw', reason: '', at, date }],
  ] as [CaseStatus, CaseAction][]) {
    const r = applyCaseAction(stateIn(status), action);
    assert.ok(!r.ok && r.code === 'validation_failed', action.type);
  }
});

rules('补正 opens a pause on its date and supplying closes it; withdrawing closes an open pause', () => {
  let s: CaseState = { ...stateIn('reviewing') };
  const ask = applyCaseAction(s, { type: 'request_supplement', at, date: '2025-09-02' });
  assert.ok(ask.ok);
  s = ask.ok ? ask.value : s;
  assert.equal(s.pauses, [{ from: '2025-09-02', to: null }]);
  const got = applyCaseAction(s, { type: 'supplied', at, date: '2025-09-04' });
  assert.ok(got.ok && got.value.status === 'reviewing');
  assert.equal(got.ok && got.value.pauses, [{ from: '2025-09-02', to: '2025-09-04' }]);
  const w = applyCaseAction(s, { type: 'withdraw', reason: '撤回', at, date: '2025-09-03' });
  assert.equal(w.ok && w.value.pauses, [{ from: '2025-09-02', to: '2025-09-03' }]);
});

rules('a 容缺 promise is kept once; overdue the day after its date while not kept', () => {
  const s = stateIn('reviewing');
  assert.not.ok(promiseOverdue(s, '2025-09-05'));
  assert.ok(promiseOverdue(s, '2025-09-06'));
  const kept = applyCaseAction(s, sample.fulfil_promise);
  assert.ok(kept.ok && !promiseOverdue(kept.value, '2025-09-30'));
  const twice = applyCaseAction(kept.ok ? kept.value : s, sample.fulfil_promise);
  assert.ok(!twice.ok && twice.code === 'invalid_transition');
  const plain = applyCaseAction({ ...newCaseState(), status: 'reviewing' }, sample.fulfil_promise);
  assert.ok(!plain.ok && plain.code === 'invalid_transition');
});

table.run();
rules.run();
