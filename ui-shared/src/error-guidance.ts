/**
 * Every server error code in words that say what to do next (not only what went wrong), in both
 * languages. `{counter}` is filled from the error's detail. describeError() reads this table first;
 * tests/ui/error-guidance.test.ts checks that every code in server/protocol/errors.ts has an entry.
 * Codes of screens still being built may be listed before they exist: an extra entry is harmless.
 */
import type { ErrorDetail } from '../../server/protocol/errors';
import type { Lang, Messages } from './i18n';

export const errorGuidance: Messages<string> = {
  'zh-CN': {
    validation_failed: '输入有误：请按提示修改后再提交',
    invalid_json: '请求格式错误：请刷新页面后重试',
    unauthenticated: '登录已过期：请重新登录',
    invalid_credentials: '用户名或密码错误：请核对后重新输入',
    account_locked: '登录失败次数过多，账号已锁定 15 分钟：请稍后再试或联系管理员',
    forbidden: '您没有此操作的权限：请联系值班负责人办理',
    not_found: '该记录已不存在（可能已被他人处理）：界面已刷新，请核对后再操作',
    conflict: '该记录刚被他人更改：请核对界面上的最新状态后再操作',
    invalid_transition: '号码当前状态不允许此操作：请按界面上可用的按钮操作',
    wrong_counter: '该号码不在本窗口：请在号码所在窗口操作，或由负责人转移',
    counter_busy: '本窗口还有正在办理的号码：请先办结、挂起或转出',
    counter_not_open: '窗口未开启或已暂停：请先开启（恢复）窗口',
    counter_taken: '该窗口已有其他工作人员签到：请选择其他窗口，或请对方先释放',
    staff_at_other_counter: '您仍在 {counter} 号窗口签到：请先释放 {counter} 号窗口，再选择本窗口',
    queue_empty: '当前没有可叫的号码：有新号码时会自动显示在等候列表',
    matter_not_served: '本窗口未授权办理该事项：请转到可办理的窗口，或联系管理员授权',
    hall_closed: '现在不在大厅服务时间：请在服务时间内操作',
    no_printer: '该设备没有配置打印机：请选择带打印机的取号机，或联系管理员配置',
    reprint_unconfirmed: '上次打印可能已出票（中断或仍在打印）：请先确认群众手中没有号票，再确认补打',
    calendar_year_unknown: '该年度的节假日安排尚未录入：请联系管理员录入工作日历',
    booking_not_open: '该日期暂不开放预约：请选择其他日期',
    slot_full: '该时段已约满：请选择其他时段',
    booking_limit_reached: '已达到每人每日预约上限：请改约其他日期',
    booking_banned: '因多次预约未到，暂停预约资格：可现场取号办理',
    cancel_too_late: '已超过可取消时间：请按时到场，或现场联系工作人员',
    appointment_not_today: '该预约不是今天的：请在预约当天签到',
    evaluation_level_invalid: '请选择 1 到 5 级中的一项评价',
    evaluation_reason_required: '不满意的评价请选择原因或填写意见',
    already_evaluated: '本次服务已评价，无需重复评价',
    service_not_finished: '服务尚未办结：办结后再评价',
    callback_required: '实名差评须先填写回访记录，才能办结',
    database_unavailable: '数据库暂时无法连接，操作未生效：请稍候几秒再试',
    in_use: '仍在使用中，暂不能停用或删除',
    last_admin: '这是最后一个管理员账号：请先添加另一位管理员',
    case_notice_empty: '材料已齐全，无需一次性告知：请直接受理',
    case_materials_missing: '必要材料不齐：请出具一次性告知书，或按容缺受理',
    case_not_tolerable: '缺少的材料不属于可容缺材料：请出具一次性告知书',
    case_not_on_the_spot: '该事项不能当场办结：请按承诺件受理',
    case_not_ready: '办件尚未可领取：请告知申请人办结后再来领取',
    case_identity_mismatch: '证件号码与申请人不一致：请核对证件',
    case_no_guide: '该事项无需建立办件：直接办结即可',
    payload_too_large: '内容过长：请删减后再提交',
    rate_limited: '操作太频繁：请稍等几秒再试',
    internal_error: '服务器出错，操作未生效：请重试；仍不成功请联系管理员',
  },
  en: {
    validation_failed: 'Some input is not valid: correct it as shown and submit again',
    invalid_json: 'The request was malformed: reload the page and try again',
    unauthenticated: 'Your session has ended: please sign in again',
    invalid_credentials: 'Wrong user name or password: check them and try again',
    account_locked: 'Too many failed sign-ins; the account is locked for 15 minutes: try later or ask an administrator',
    forbidden: 'You may not do this: ask the duty manager',
    not_found: 'This record no longer exists (someone may have handled it): the screen is refreshed, check it and retry',
    conflict: 'Someone else just changed this: check the current state on screen and retry',
    invalid_transition: 'Not possible in the ticket\'s current state: use one of the buttons offered',
    wrong_counter: 'This ticket is not at your counter: act at its counter or ask a manager to move it',
    counter_busy: 'A ticket is still in hand: finish, park or transfer it first',
    counter_not_open: 'The counter is closed or paused: open (resume) it first',
    counter_taken: 'Someone else is signed in at this counter: choose another or ask them to release it',
    staff_at_other_counter: 'You are still signed in at counter {counter}: release counter {counter}, then take this one',
    queue_empty: 'No one to call: new tickets appear in the waiting list by themselves',
    matter_not_served: 'This counter is not authorised for that matter: transfer it to a counter that is, or ask an administrator',
    hall_closed: 'The hall is outside its service hours: try again during them',
    no_printer: 'That device has no printer: choose a kiosk with one, or ask an administrator to set it up',
    reprint_unconfirmed: 'The last print may have come out (interrupted or still printing): check the visitor has no ticket, then confirm the reprint',
    calendar_year_unknown: 'That year\'s holiday calendar is not entered yet: ask an administrator to enter it',
    booking_not_open: 'Booking is not open for that day: choose another day',
    slot_full: 'That time slot is full: choose another',
    booking_limit_reached: 'The daily booking limit per person is reached: choose another day',
    booking_banned: 'Booking is suspended after repeated no-shows: take a ticket at the hall instead',
    cancel_too_late: 'It is too late to cancel: come at the booked time or tell the staff at the hall',
    appointment_not_today: 'This appointment is not for today: check in on its day',
    evaluation_level_invalid: 'Please choose one of the levels 1 to 5',
    evaluation_reason_required: 'A dissatisfied rating needs a reason or a few words',
    already_evaluated: 'This service is already rated',
    service_not_finished: 'The service is not finished yet: rate it once it is',
    callback_required: 'A real-name bad review needs a call-back record before it can close',
    database_unavailable: 'The database cannot be reached; nothing was changed: wait a few seconds and retry',
    in_use: 'Still in use, so it cannot be disabled or deleted yet',
    last_admin: 'This is the last administrator: add another administrator first',
    case_notice_empty: 'Nothing is missing: accept the case instead of giving a notice',
    case_materials_missing: 'Required materials are missing: give a one-time notice or accept on a promise',
    case_not_tolerable: 'The missing items may not be supplied later: give a one-time notice',
    case_not_on_the_spot: 'This matter cannot be completed on the spot: accept it as a promised case',
    case_not_ready: 'The case is not ready for pickup: tell the applicant to come back when it is',
    case_identity_mismatch: 'The ID number does not match the applicant: check the document',
    case_no_guide: 'This matter is handled without a case: just finish it',
    payload_too_large: 'Too long: shorten it and submit again',
    rate_limited: 'Too many requests: wait a few seconds and retry',
    internal_error: 'Server error; nothing was changed: retry, and ask an administrator if it keeps failing',
  },
};

/** The guidance for an error in a language, with its detail filled in; null when the code has none. */
export function errorGuidanceText(lang: Lang, error: { code: string; detail?: ErrorDetail }): string | null {
  const text = errorGuidance[lang][error.code];
  if (!text) return null;
  const counter = error.detail?.counterNumber;
  return text.replace(/\{counter\}/g, counter === undefined ? '?' : String(counter));
}

/** A fix a screen can offer as a button next to the message. */
export type ErrorAction = { kind: 'release-counter'; counterId: string; counterNumber: number };

export function errorAction(error: { code: string; detail?: ErrorDetail }): ErrorAction | null {
  const d = error.detail;
  if (error.code === 'staff_at_other_counter' && d?.counterId && d.counterNumber !== undefined) {
    return { kind: 'release-counter', counterId: d.counterId, counterNumber: d.counterNumber };
  }
  return null;
}
