/** Admin console (管理控制台): the root element registers every page it uses. */
import { i18n } from './i18n/messages';
import './components/yc-admin-app';

document.documentElement.lang = i18n.lang.get();
