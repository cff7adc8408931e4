import type { TicketLanguage } from './types';

/** Fixed wording of a ticket. Hall name, matter and missed-number rule come from the data as given. */
export interface TicketLabels {
  reprint: string;
  matter: (name: string) => string;
  peopleAhead: (n: number) => string;
  estimatedWait: (minutes: number | null) => string;
  issuedAt: (date: string, time: string) => string;
  appointment: (slot: string) => string;
  validToday: string;
  scanHint: string;
  priority: Record<'elderly' | 'disabled' | 'military' | 'pregnant', string>;
  appointmentMark: string;
  waitArea: (area: string) => string;
  hotline: (number: string) => string;
}

const zhCN: TicketLabels = {
  reprint: '【补打】',
  matter: (name) => `办理事项：${name}`,
  peopleAhead: (n) => `您前面还有${n}人等候`,
  estimatedWait: (m) =>
    m === null ? '等候时间暂无法预估，请留意叫号' : m < 1 ? '预计即将叫号' : `预计等候约${m}分钟`,
  issuedAt: (date, time) => `取号时间：${date} ${time}`,
  appointment: (slot) => `预约时段：${slot}`,
  validToday: '当日有效',
  scanHint: '扫码查看进度、评价服务',
  priority: { elderly: '【老年人优先】', disabled: '【残疾人优先】', military: '【军人优先】', pregnant: '【孕妇优先】' },
  appointmentMark: '【预约】',
  waitArea: (area) => `请在${area}等候`,
  hotline: (n) => `服务热线：${n}`,
};

const en: TicketLabels = {
  reprint: '[REPRINT 补打]',
  matter: (name) => `Service: ${name}`,
  peopleAhead: (n) => (n === 1 ? '1 person ahead of you' : `${n} people ahead of you`),
  estimatedWait: (m) =>
    m === null ? 'Wait time unknown, please listen for your number' : m < 1 ? 'You will be called shortly' : `Estimated wait: about ${m} min`,
  issuedAt: (date, time) => `Issued: ${date} ${time}`,
  appointment: (slot) => `Appointment: ${slot}`,
  validToday: 'Valid today only',
  scanHint: 'Scan to track progress and rate our service',
  priority: { elderly: '[Priority: senior]', disabled: '[Priority: disability]', military: '[Priority: military]', pregnant: '[Priority: pregnancy]' },
  appointmentMark: '[Appointment]',
  waitArea: (area) => `Please wait in: ${area}`,
  hotline: (n) => `Hotline: ${n}`,
};

export function ticketLabels(language: TicketLanguage = 'zh-CN'): TicketLabels {
  return language === 'en' ? en : zhCN;
}
