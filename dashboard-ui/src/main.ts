/** Managers' dashboard (管理看板): the root element registers every component it uses. */
import { i18n } from './i18n/messages';
import './components/yc-dashboard-app';

document.documentElement.lang = i18n.lang.get();
