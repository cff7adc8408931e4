import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { instantAt, serviceDate } from '../../server/domain/hall-time';
import { formatTicketNumber } from '../../server/domain/numbering';
import { waitStart, waitTargetMinutes, DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';

const t = suite('hall-local time and numbering');

t('the service day turns at the hall’s local midnight, not UTC midnight', () => {
  // Shanghai is UTC+8: local midnight is 16:00 UTC the day before.
  assert.is(serviceDate(new Date('2026-11-22T15:59:59.999Z'), 'Asia/Shanghai'), '2026-11-22');
  assert.is(serviceDate(new Date('2026-11-22T16:00:00.000Z'), 'Asia/Shanghai'), '2026-11-23');
  assert.is(serviceDate(new Date('2026-11-22T16:00:00.000Z'), 'UTC'), '2026-11-22');
  assert.is(serviceDate(new Date('2026-11-23T04:59:59Z'), 'America/New_York'), '2026-11-22');
});

t('instantAt inverts local wall-clock time, across DST too', () => {
  assert.is(instantAt('2026-11-23', '00:00', 'Asia/Shanghai').toISOString(), '2026-11-22T16:00:00.000Z');
  assert.is(instantAt('2026-11-23', '09:30', 'Asia/Shanghai').toISOString(), '2026-11-23T01:30:00.000Z');
  assert.is(instantAt('2026-07-01', '12:00', 'America/New_York').toISOString(), '2026-07-01T16:00:00.000Z');
  assert.is(instantAt('2026-12-01', '12:00', 'America/New_York').toISOString(), '2026-12-01T17:00:00.000Z');
});

t('ticket numbers are prefix + zero-padded sequence', () => {
  assert.is(formatTicketNumber('A', 1), 'A001');
  assert.is(formatTicketNumber('A', 23), 'A023');
  assert.is(formatTicketNumber('BD', 999), 'BD999');
  assert.is(formatTicketNumber('A', 1000), 'A1000');
  assert.throws(() => formatTicketNumber('A', 0));
  assert.throws(() => formatTicketNumber('A', 1.5));
});

t('wait targets by complexity unless the matter overrides; wait starts at max(issue, slot)', () => {
  assert.is(waitTargetMinutes({ complexity: 'general', waitTargetMinutes: null }, DEFAULT_HALL_SETTINGS), 10);
  assert.is(waitTargetMinutes({ complexity: 'complex', waitTargetMinutes: null }, DEFAULT_HALL_SETTINGS), 30);
  assert.is(waitTargetMinutes({ complexity: 'complex', waitTargetMinutes: 45 }, DEFAULT_HALL_SETTINGS), 45);
  const issued = new Date('2026-11-23T01:00:00Z');
  const slot = new Date('2026-11-23T01:30:00Z');
  assert.equal(waitStart(issued, slot), slot);
  assert.equal(waitStart(slot, issued), slot);
  assert.equal(waitStart(issued, null), issued);
});

t.run();
