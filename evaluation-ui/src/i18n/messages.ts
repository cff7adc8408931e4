/** Every word the evaluator pad shows, zh-CN first. */
import { createI18n, type I18n, type Messages } from '../../../ui-shared/src/i18n';

const zh = {
  app_title: '服务评价',
  lang_toggle: 'English',
  counter: '{n} 号窗口',
  staff_no: '工号 {no}',
  idle_welcome: '欢迎办理业务',
  idle_hint: '办理完成后，请您对我的服务进行评价',
  rate_prompt: '请您对我的服务进行评价',
  rate_matter: '本次办理：{matter}',
  thanks: '感谢您的评价！',
  thanks_hint: '祝您生活愉快',
  already: '已评价',
  already_hint: '本次服务已经评价过了，谢谢',
  unpaired: '本评价器尚未配对窗口',
  unpaired_hint: '请管理员在后台将评价器配对到窗口',
  unauthorised: '评价器令牌无效或已停用',
  unauthorised_hint: '请管理员重新创建评价器令牌',
  offline: '网络已断开，正在重连…',
  loading: '正在加载…',
  no_staff: '暂无工作人员',
};
type Key = keyof typeof zh;

const en: Record<Key, string> = {
  app_title: 'Rate our service',
  lang_toggle: '中文',
  counter: 'Counter {n}',
  staff_no: 'Staff no. {no}',
  idle_welcome: 'Welcome',
  idle_hint: 'When we are done, please rate my service',
  rate_prompt: 'Please rate my service',
  rate_matter: 'Service: {matter}',
  thanks: 'Thank you for your rating!',
  thanks_hint: 'Have a nice day',
  already: 'Already rated',
  already_hint: 'This service has already been rated, thank you',
  unpaired: 'This pad is not paired to a counter',
  unpaired_hint: 'An administrator pairs it to a counter',
  unauthorised: 'This pad’s token is not valid or was withdrawn',
  unauthorised_hint: 'An administrator creates a new token',
  offline: 'Offline — reconnecting…',
  loading: 'Loading…',
  no_staff: 'No one signed in',
};

export const padMessages: Messages<Key> = { 'zh-CN': zh, en };
export type PadI18n = I18n<Key>;
export const createPadI18n = (): PadI18n => createI18n(padMessages, { storageKey: 'yc.pad.lang' });
