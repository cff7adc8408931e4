/**
 * Composition: the public booking API (no sign-in), the flow store, i18n (zh-CN by default),
 * then the <booking-app> shell. `?hall=<id>` preselects a hall when the installation has several.
 */
import { request } from '../../ui-shared/src/http';
import { BookingApp } from './components/booking-app';
import { createBookingI18n } from './i18n/messages';
import { createBookingApi } from './stores/booking-api';
import { createBookingFlow } from './stores/booking-flow';

const i18n = createBookingI18n();
i18n.lang.subscribe((lang) => {
  document.documentElement.lang = lang;
  document.title = i18n.t('app_title');
});
document.documentElement.lang = i18n.lang.get();

/** Hall-local today for the local identity check; the server checks again against the hall's calendar. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const flow = createBookingFlow({ api: createBookingApi(request), lang: i18n.lang, today, newId: () => crypto.randomUUID() });
document.body.append(new BookingApp(flow, i18n));
void flow.start(new URLSearchParams(location.search).get('hall'));
