/** Green-channel priority: elderly only from a birth date, declared reasons as declared. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DECLARED_GREEN_CHANNELS, greenChannelFor } from '../../server/domain/priority';

const t = suite('green channel priority');
const at = (birthDate: string | null, day = '2026-11-23', elderlyAge = 60) => greenChannelFor({ declared: null, birthDate, day, elderlyAge });

t('no identity number, no declaration → no priority', () => {
  assert.is(at(null), null);
});

t('elderly exactly from the 60th birthday on (hall-local service date)', () => {
  assert.is(at('1966-11-23'), 'elderly', '60 today');
  assert.is(at('1966-11-24'), null, '60 tomorrow');
  assert.is(at('1966-11-22'), 'elderly');
  assert.is(at('2000-03-07'), null, 'a 26-year-old');
  assert.is(at('1949-12-31'), 'elderly');
});

t('born on 29 February: the birthday counts from 1 March in common years', () => {
  assert.is(at('1964-02-29', '2024-02-28'), null, 'not yet 60 on 28 Feb of a leap year');
  assert.is(at('1964-02-29', '2024-02-29'), 'elderly', '60 on the day itself');
  assert.is(at('1964-02-29', '2025-02-28'), 'elderly', '60 and a bit: still elderly a year later');
  assert.is(at('1968-02-29', '2028-02-28'), null);
  assert.is(at('1968-02-29', '2028-03-01'), 'elderly');
});

t('the threshold is the hall’s setting', () => {
  assert.is(at('1956-01-01', '2026-01-01', 70), 'elderly');
  assert.is(at('1956-01-02', '2026-01-01', 70), null);
  for (let age = 50; age <= 100; age++) {
    const birth = `${2026 - age}-06-15`;
    assert.is(at(birth, '2026-06-15', age), 'elderly', `age ${age} at threshold ${age}`);
    assert.is(at(birth, '2026-06-14', age), null, `a day short of ${age}`);
  }
});

t('a declared reason is kept whatever the age; elderly is not among the declarable ones', () => {
  for (const declared of DECLARED_GREEN_CHANNELS) {
    assert.is(greenChannelFor({ declared, birthDate: null, day: '2026-11-23', elderlyAge: 60 }), declared);
    assert.is(greenChannelFor({ declared, birthDate: '1940-01-01', day: '2026-11-23', elderlyAge: 60 }), declared);
  }
  assert.not.ok((DECLARED_GREEN_CHANNELS as readonly string[]).includes('elderly'));
});

t.run();
