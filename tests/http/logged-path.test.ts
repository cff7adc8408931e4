/** A failed request's log line names the route, never its parameters (issue #11 §5: logs carry no personal data). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loggedPath } from '../../server/http/middleware';

test('a matched route is logged by its pattern', () => {
  assert.is(loggedPath({ path: '/api/progress/AbCdEfGhIjKlMnOpQrStUvWx', _matchedRoute: '/api/progress/:token' }), '/api/progress/:token');
});

test('an unmatched path loses identity numbers, phones and token-like segments', () => {
  assert.is(loggedPath({ path: '/api/x/11010519491231002X/13812341234' }), '/api/x/…X/…');
  assert.is(loggedPath({ path: '/p/AbCdEfGhIjKlMnOpQrStUvWx' }), '/p/…');
  assert.is(loggedPath({ path: '/kiosk/app.js' }), '/kiosk/app.js');
  assert.ok(loggedPath({ path: `/${'a/'.repeat(500)}` }).length <= 200);
});

test.run();
