/** Composition of the back-office screen: the review store over HTTP (polling), then <review-app>. */
import { request } from '../../ui-shared/src/http';
import { ReviewApp } from './components/review-app';
import { i18n } from './messages';
import { createReviewStore } from './stores/review-store';

document.documentElement.lang = i18n.lang.get();
const store = createReviewStore({
  request,
  storage: sessionStorage,
  newId: () => crypto.randomUUID(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});
document.body.append(new ReviewApp(store));
void store.start();
