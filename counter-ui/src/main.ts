/** Counter workstation (窗口工作台), served at /counter/. */
import { i18n } from './i18n/messages';
import './components/yc-counter-app';

document.documentElement.lang = i18n.lang.get();
i18n.lang.subscribe((lang) => (document.documentElement.lang = lang));
document.title = `${i18n.t('app.brand')} · ${i18n.t('app.title')}`;
i18n.lang.subscribe(() => (document.title = `${i18n.t('app.brand')} · ${i18n.t('app.title')}`));
