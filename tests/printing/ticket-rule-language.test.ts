/** The missed-number rule on a paper ticket is in the ticket's language: the ESC/POS text of a zh-CN and an English ticket. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeTicket, layoutTicket } from '../../ticket-printer/index';
import { decodeEscPos } from '../../ticket-printer/decode-escpos';
import { storedTicketPrint, toTicketPrintData, type TicketPrintSource } from '../../server/app/printing/ticket-print-data';
import { DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';
import type { HallSettings, HallView } from '../../server/protocol/views';

const t = suite('missed-number rule in the ticket language');

function source(language: 'zh-CN' | 'en', settings: HallSettings): TicketPrintSource {
  return {
    hall: { id: 'h1', code: 'XH-ZX', name: '徐汇区行政服务中心', timeZone: 'Asia/Shanghai', settings } as unknown as HallView,
    matterName: '社保卡补办',
    ticket: { number: 'A007', issuedAt: new Date('2026-03-02T01:05:00Z'), slotStart: null, slotEnd: null, token: 'q7Zk2pV9xL3mN8rT4wYc1A', priorityReason: null, source: 'kiosk' },
    zone: null,
    position: { peopleAhead: 3, estimatedWaitMinutes: 12 } as TicketPrintSource['position'],
    language,
    publicBaseUrl: 'https://yc.example.gov.cn',
  };
}

/** The text an 80 mm Epson prints, lines joined by spaces (a rule may wrap). */
function printedText(language: 'zh-CN' | 'en', settings: HallSettings): string {
  const data = toTicketPrintData(storedTicketPrint(source(language, settings)), false);
  const bytes = encodeTicket(layoutTicket(data, { paperWidth: 80 }), { type: 'epson', paperWidth: 80, chineseMode: 'fs-and', qr: 'native' });
  return decodeEscPos(bytes).text.replace(/\s+/g, ' ');
}

t('default settings: the Chinese rule on a zh-CN ticket, the English rule on an English one — no Chinese rule there', () => {
  const zh = printedText('zh-CN', DEFAULT_HALL_SETTINGS);
  assert.ok(zh.includes('过号请到服务台重新激活，当日有效'), zh);
  assert.not.ok(zh.includes('Missed your number'), zh);
  const en = printedText('en', DEFAULT_HALL_SETTINGS);
  assert.ok(en.includes('Missed your number? Ask at the service desk to reactivate it. Valid today only.'), en);
  assert.not.ok(en.includes('过号'), en);
  assert.is(en.split('Valid today only').length - 1, 1, `"Valid today only" once: ${en}`);
});

t('a hall’s own rules: each ticket prints the one of its language', () => {
  const settings = { ...DEFAULT_HALL_SETTINGS, missedNumberRule: '过号请重新取号', missedNumberRuleEn: 'Missed numbers must take a new ticket' };
  const zh = printedText('zh-CN', settings);
  assert.ok(zh.includes('过号请重新取号'), zh);
  assert.not.ok(zh.includes('Missed numbers'), zh);
  const en = printedText('en', settings);
  assert.ok(en.includes('Missed numbers must take a new ticket'), en);
  assert.not.ok(en.includes('过号'), en);
  assert.ok(en.includes('Valid today only'), 'the validity line in English when the rule does not say it');
});

t('a stored hall from before the English rule prints the default English rule on English tickets', () => {
  const { missedNumberRuleEn: _none, ...older } = { ...DEFAULT_HALL_SETTINGS, missedNumberRule: '过号请重新取号' };
  const en = printedText('en', older);
  assert.ok(en.includes(DEFAULT_HALL_SETTINGS.missedNumberRuleEn), en);
  assert.not.ok(en.includes('过号'), en);
});

t.run();
