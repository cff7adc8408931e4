/** Every word the wall display shows or speaks, zh-CN first. Hall, zone, counter and matter names are data. */
import { createI18n, type I18n, type Lang, type Messages } from '../../../ui-shared/src/i18n';

export type DisplayKey =
  | 'app.title'
  | 'noToken.title'
  | 'noToken.body'
  | 'unauthorised.title'
  | 'unauthorised.body'
  | 'loading'
  | 'error.noHall'
  | 'error.zone'
  | 'error.counter'
  | 'status.offline'
  | 'status.connecting'
  | 'status.sound'
  | 'call.please'
  | 'call.ticket'
  | 'call.goTo'
  | 'call.counter'
  | 'call.recall'
  | 'call.none'
  | 'calls.title'
  | 'calls.none'
  | 'counters.title'
  | 'counters.none'
  | 'counters.idle'
  | 'counters.paused'
  | 'waiting.title'
  | 'waiting.count'
  | 'waiting.total'
  | 'counterScreen.counter'
  | 'counterScreen.called'
  | 'counterScreen.serving'
  | 'counterScreen.idle'
  | 'counterScreen.paused'
  | 'counterScreen.pausedNote'
  | 'counterScreen.pauseReason'
  | 'counterScreen.closedNote'
  | 'voice.text';

export const messages: Messages<DisplayKey> = {
  'zh-CN': {
    'app.title': '大厅综合屏',
    'noToken.title': '未配置设备令牌',
    'noToken.body': '请在地址后加上 ?token=设备令牌（由管理员在“设备管理”中生成），例如 /display/?token=dv_…',
    'unauthorised.title': '设备令牌无效',
    'unauthorised.body': '该令牌已停用或不存在，请联系管理员重新配置本屏。稍后将自动重试。',
    loading: '正在加载…',
    'error.noHall': '本设备未关联服务大厅',
    'error.zone': '未找到服务区 {zone}',
    'error.counter': '未找到 {number} 号窗口',
    'status.offline': '网络已断开 · 正在重连',
    'status.connecting': '正在连接…',
    'status.sound': '点击屏幕启用语音播报',
    'call.please': '请',
    'call.ticket': '号',
    'call.goTo': '到',
    'call.counter': '{number} 号窗口',
    'call.recall': '重呼',
    'call.none': '请留意叫号',
    'calls.title': '最近叫号',
    'calls.none': '暂无叫号',
    'counters.title': '窗口办理情况',
    'counters.none': '暂无开放窗口',
    'counters.idle': '等候叫号',
    'counters.paused': '暂停服务',
    'waiting.title': '等候人数',
    'waiting.count': '{count} 人',
    'waiting.total': '合计',
    'counterScreen.counter': '{number} 号窗口',
    'counterScreen.called': '请 {ticket} 号办理',
    'counterScreen.serving': '正在办理',
    'counterScreen.idle': '欢迎办理',
    'counterScreen.paused': '暂停服务',
    'counterScreen.pausedNote': '窗口暂停中，请稍候',
    'counterScreen.pauseReason': '暂停原因：{reason}',
    'counterScreen.closedNote': '本窗口暂未开放',
    'voice.text': '请 {ticket} 号 到 {counter} 号窗口办理',
  },
  en: {
    'app.title': 'Hall display',
    'noToken.title': 'No device token configured',
    'noToken.body': 'Add ?token=<device token> to the address (an administrator creates it under Devices), e.g. /display/?token=dv_…',
    'unauthorised.title': 'Device token not valid',
    'unauthorised.body': 'This token is disabled or unknown. Please ask an administrator to configure this screen. Retrying shortly.',
    loading: 'Loading…',
    'error.noHall': 'This device is not linked to a service hall',
    'error.zone': 'No zone {zone} in this hall',
    'error.counter': 'No counter {number} in this hall',
    'status.offline': 'Offline · reconnecting',
    'status.connecting': 'Connecting…',
    'status.sound': 'Tap the screen to enable voice announcements',
    'call.please': 'Number',
    'call.ticket': '',
    'call.goTo': 'please go to',
    'call.counter': 'Counter {number}',
    'call.recall': 'Recall',
    'call.none': 'Please watch for your number',
    'calls.title': 'Recent calls',
    'calls.none': 'No calls yet',
    'counters.title': 'Counters',
    'counters.none': 'No counter open',
    'counters.idle': 'Waiting',
    'counters.paused': 'Paused',
    'waiting.title': 'Waiting',
    'waiting.count': '{count}',
    'waiting.total': 'Total',
    'counterScreen.counter': 'Counter {number}',
    'counterScreen.called': 'Now calling {ticket}',
    'counterScreen.serving': 'Now serving',
    'counterScreen.idle': 'Welcome',
    'counterScreen.paused': 'Service paused',
    'counterScreen.pausedNote': 'This counter is paused; please wait',
    'counterScreen.pauseReason': 'Reason: {reason}',
    'counterScreen.closedNote': 'This counter is not open',
    'voice.text': 'Number {ticket}, please go to counter {counter}',
  },
};

export type DisplayI18n = I18n<DisplayKey>;

export function createDisplayI18n(lang: Lang): DisplayI18n {
  return createI18n(messages, { initial: lang });
}

/** "{number} 号窗口" → ['', ' 号窗口'], so the number can be styled apart from the words around it. */
export function splitMessage(i18n: DisplayI18n, key: DisplayKey, param = 'number'): [string, string] {
  const [before = '', after = ''] = i18n.t(key, { [param]: '\u0000' }).split('\u0000');
  return [before, after];
}
