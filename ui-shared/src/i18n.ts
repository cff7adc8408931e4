/**
 * One i18n mechanism for every screen: message tables per language, zh-CN by default,
 * `{name}` parameters, the choice remembered per device. Components never hard-code user text.
 */
import type { ErrorDetail } from '../../server/protocol/errors';
import { errorGuidanceText } from './error-guidance';
import { createStore, type Store } from './store';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export type Messages<K extends string> = Record<Lang, Record<K, string>>;

export interface I18n<K extends string> {
  lang: Store<Lang>;
  t(key: K, params?: Record<string, string | number>): string;
  setLang(lang: Lang): void;
}

/** "{number} 已作废" with { number: 'A001' } → "A001 已作废"; an unknown {name} stays as it is. */
export function fillParams(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export function createI18n<K extends string>(messages: Messages<K>, opts: { storageKey?: string; initial?: Lang } = {}): I18n<K> {
  const storage = typeof localStorage !== 'undefined' ? localStorage : null;
  const saved = opts.storageKey ? (storage?.getItem(opts.storageKey) as Lang | null) : null;
  const lang = createStore<Lang>(opts.initial ?? (saved && LANGS.includes(saved) ? saved : 'zh-CN'));
  return {
    lang,
    t(key, params) {
      const text = messages[lang.get()][key] ?? messages['zh-CN'][key] ?? key;
      return fillParams(text, params);
    },
    setLang(next) {
      lang.set(next);
      if (opts.storageKey) storage?.setItem(opts.storageKey, next);
      if (typeof document !== 'undefined') document.documentElement.lang = next;
    },
  };
}

/** Server error codes in plain words, shared by every screen. */
export const errorMessages: Messages<string> = {
  'zh-CN': {
    validation_failed: '输入有误，请检查后重试',
    invalid_json: '请求格式错误',
    unauthenticated: '请先登录',
    invalid_credentials: '用户名或密码错误',
    account_locked: '登录失败次数过多，账号已临时锁定',
    forbidden: '没有权限执行此操作',
    not_found: '未找到',
    conflict: '操作冲突，请刷新后重试',
    in_use: '仍在使用中，不能删除或停用',
    last_admin: '这是最后一位启用的管理员，不能停用或降级',
    no_printer: '未配置打印机',
    reprint_unconfirmed: '群众可能已拿到号票，补打需确认',
    invalid_transition: '当前状态下不能执行此操作',
    wrong_counter: '该号码不在本窗口',
    counter_busy: '请先完成、挂起或转出当前号码',
    counter_not_open: '窗口未开启或已暂停',
    counter_taken: '该窗口已有其他工作人员登录',
    queue_empty: '当前没有等候的号码',
    matter_not_served: '本窗口未授权办理该事项',
    hall_closed: '大厅不在服务时间',
    case_notice_empty: '材料已齐全，无需一次性告知，请直接受理',
    case_materials_missing: '必要材料不齐，请一次性告知或按容缺受理',
    case_not_tolerable: '缺少的材料不属于可容缺材料',
    case_not_on_the_spot: '该事项不能当场办结',
    case_not_ready: '办件尚未可领取',
    case_identity_mismatch: '证件号码与申请人不一致',
    case_no_guide: '该事项无需建立办件',
    calendar_year_unknown: '该年度节假日安排尚未公布，无法计算承诺时限',
    payload_too_large: '内容过长',
    rate_limited: '操作太频繁，请稍后再试',
    evaluation_level_invalid: '请选择 1 到 5 级中的一项评价',
    evaluation_reason_required: '不满意的评价请至少选择一项原因或填写意见',
    already_evaluated: '已评价',
    service_not_finished: '本次服务尚未办结，办结后即可评价',
    callback_required: '实名差评须先完成回访记录才能办结',
    internal_error: '服务器出错，操作未生效，请重试',
    offline: '网络已断开，正在重连…',
    timeout: '服务器未响应，请重试',
    busy: '正在处理上一操作',
  },
  en: {
    validation_failed: 'Some input is not valid; please check and try again',
    invalid_json: 'The request was malformed',
    unauthenticated: 'Please sign in',
    invalid_credentials: 'Wrong user name or password',
    account_locked: 'Too many failed sign-ins; the account is locked for a while',
    forbidden: 'You may not do this',
    not_found: 'Not found',
    conflict: 'Conflicting action; refresh and try again',
    in_use: 'Still in use: it cannot be deleted or disabled',
    last_admin: 'This is the last active administrator: it cannot be disabled or demoted',
    no_printer: 'No printer configured',
    reprint_unconfirmed: 'The visitor may already have the ticket: confirm the reprint',
    invalid_transition: 'Not possible in the current state',
    wrong_counter: 'This ticket is not at your counter',
    counter_busy: 'Finish, park or transfer the current ticket first',
    counter_not_open: 'The counter is closed or paused',
    counter_taken: 'Someone else is signed in at this counter',
    queue_empty: 'No one is waiting',
    matter_not_served: 'This counter is not authorised for that matter',
    hall_closed: 'The hall is closed now',
    case_notice_empty: 'Nothing is missing: accept the case instead of giving a notice',
    case_materials_missing: 'Required materials are missing: give a notice or accept on a promise (容缺)',
    case_not_tolerable: 'The missing items may not be supplied later',
    case_not_on_the_spot: 'This matter cannot be completed on the spot',
    case_not_ready: 'The case is not ready for pickup',
    case_identity_mismatch: 'The ID number does not match the applicant',
    case_no_guide: 'This matter is handled without a case',
    calendar_year_unknown: 'That year\'s holiday calendar is not published yet; the deadline cannot be computed',
    payload_too_large: 'Too long',
    rate_limited: 'Too many requests; please wait',
    evaluation_level_invalid: 'Please choose one of the levels 1 to 5',
    evaluation_reason_required: 'A dissatisfied rating needs a reason or a few words',
    already_evaluated: 'Already rated',
    service_not_finished: 'The service is not finished yet; you can rate it once it is',
    callback_required: 'A real-name bad review needs a call-back record before it can close',
    internal_error: 'Server error; nothing was changed, please retry',
    offline: 'Offline — reconnecting…',
    timeout: 'The server did not answer; please retry',
    busy: 'Still working on the last action',
  },
};

/**
 * Plain words for a failed ack: the server's specific message for validation, a client-side
 * failure (offline, timeout, busy), else what to do about the code (error-guidance.ts).
 */
export function describeError(lang: Lang, error: { code: string; message: string; detail?: ErrorDetail }): string {
  if (error.code === 'validation_failed' && lang === 'zh-CN' && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  const table = errorMessages[lang];
  return table[error.message] ?? errorGuidanceText(lang, error) ?? table[error.code] ?? error.message;
}
