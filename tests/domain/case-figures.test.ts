import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { caseFigures, type CaseFigureRow } from '../../server/domain/case-figures';

const row = (p: Partial<CaseFigureRow>): CaseFigureRow => ({ key: 'A', accepted: true, noticeCount: 0, tolerated: false, notAccepted: false, onTheSpot: false, finishedDate: null, dueDate: null, overdue: false, ...p });

const t = suite('case figures');

t('一次性通过率, within-limit share, overdue and on-the-spot share per group (hand-computed)', () => {
  const rows = [
    row({ finishedDate: '2025-09-05', dueDate: '2025-09-08' }), // first visit, in time
    row({ noticeCount: 1, finishedDate: '2025-09-10', dueDate: '2025-09-09', overdue: true }), // after a notice, late
    row({ onTheSpot: true, finishedDate: '2025-09-01', dueDate: '2025-09-01' }),
    row({ tolerated: true }),
    row({ accepted: false, notAccepted: true }),
    row({ accepted: false, noticeCount: 1 }), // still waiting for materials
    row({ key: 'B', accepted: false, notAccepted: true }),
  ];
  assert.equal(caseFigures(rows), [
    { key: 'A', opened: 6, accepted: 4, notice: 2, tolerated: 1, notAccepted: 1, firstVisitPassRate: 0.75, withinLimitShare: 0.667, overdue: 1, onTheSpotShare: 0.25 },
    { key: 'B', opened: 1, accepted: 0, notice: 0, tolerated: 0, notAccepted: 1, firstVisitPassRate: null, withinLimitShare: null, overdue: 0, onTheSpotShare: null },
  ]);
});

t.run();
