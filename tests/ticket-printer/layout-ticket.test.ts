import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  displayWidth,
  encodeTicket,
  InvalidTicketDataError,
  layoutTicket,
  renderLayoutAsText,
  type TextSize,
} from '../../ticket-printer/index';
import { decodeEscPos } from '../../ticket-printer/decode-escpos';
import { appointmentReprint, matchSnapshot, profile, sampleTicket } from './_fixtures';

const layout = suite('layoutTicket');

for (const paperWidth of [58, 80] as const) {
  layout(`${paperWidth} mm snapshot`, () => {
    matchSnapshot(`ticket-${paperWidth}mm`, renderLayoutAsText(layoutTicket(sampleTicket, { paperWidth }), { paperWidth }));
  });
}

layout('appointment + reprint snapshot (58 mm)', () => {
  matchSnapshot('appointment-reprint-58mm', renderLayoutAsText(layoutTicket(appointmentReprint, { paperWidth: 58 })));
});

layout('English snapshot (80 mm)', () => {
  const en = { ...sampleTicket, language: 'en' as const, hallName: 'Xuhui District Administrative Service Center', matterName: 'Real estate registration' };
  matchSnapshot('english-80mm', renderLayoutAsText(layoutTicket(en, { paperWidth: 80 })));
});

layout('the encoded bytes decode back to the same lines (58 and 80 mm, Epson and Star)', () => {
  for (const paperWidth of [58, 80] as const) {
    for (const type of ['epson', 'star'] as const) {
      const l = layoutTicket(appointmentReprint, { paperWidth });
      const decoded = decodeEscPos(encodeTicket(l, profile({ paperWidth, type })), { emulation: type });
      assert.equal(decoded.warnings, []);
      const printed = decoded.items.filter((i) => i.kind === 'text' && i.text !== '' && !/^-+$/.test(i.text));
      const expected = l.blocks.filter((b) => b.kind === 'text');
      assert.equal(
        printed.map((i) => (i.kind === 'text' ? [i.text, i.align, i.width, i.height, i.bold] : [])),
        expected.map((b) => (b.kind === 'text' ? [b.text, b.align, b.size, b.size, b.bold] : [])),
      );
      assert.ok(decoded.items.some((i) => i.kind === 'qr' && i.data === sampleTicket.qrContent));
      assert.is(decoded.items.at(-1)?.kind, 'cut');
    }
  }
});

const lines = (data: Parameters<typeof layoutTicket>[0], paperWidth: 58 | 80 = 80) =>
  layoutTicket(data, { paperWidth }).blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
const count = (all: string[], needle: string) => all.join('\n').split(needle).length - 1;

layout('"当日有效" is printed once, also when the hall\'s missed-number rule says it', () => {
  assert.is(count(lines({ ...sampleTicket, missedNumberRule: '过号请到服务台重新激活，当日有效' }), '当日有效'), 1);
  assert.is(count(lines({ ...sampleTicket, missedNumberRule: '过号请重新取号' }), '当日有效'), 1);
  assert.ok(lines({ ...sampleTicket, missedNumberRule: '过号请重新取号' }).includes('当日有效'));
});

layout('priority and appointment are printed under the number, as the kiosk shows them', () => {
  const marks: Array<[NonNullable<Parameters<typeof layoutTicket>[0]['priorityReason']>, string]> = [
    ['elderly', '【老年人优先】'],
    ['disabled', '【残疾人优先】'],
    ['pregnant', '【孕妇优先】'],
    ['military', '【军人优先】'],
  ];
  for (const [reason, mark] of marks) {
    const all = lines({ ...sampleTicket, priorityReason: reason });
    assert.is(all[all.indexOf('A023') + 1], mark, reason);
  }
  assert.not.ok(lines({ ...sampleTicket, priorityReason: 'staff_granted' }).some((l) => l.includes('优先')), 'staff-granted priority is not printed');
  const appt = lines({ ...appointmentReprint, appointment: true, priorityReason: 'elderly' });
  assert.ok(appt.includes('【预约】【老年人优先】'), appt.join('|'));
  assert.ok(appt.some((l) => l.startsWith('预约时段：')));
  assert.not.ok(lines(sampleTicket).some((l) => l.includes('【')), 'a plain walk-in has no mark');
});

layout('where to wait and the hall hotline, in both languages and on 58 mm', () => {
  const data = { ...sampleTicket, waitArea: '自然人服务区（1楼西侧）', hotline: '021-64871234' };
  for (const paperWidth of [58, 80] as const) {
    const all = lines(data, paperWidth).join('');
    assert.ok(all.includes('请在自然人服务区（1楼西侧）等候'), all);
    assert.ok(all.includes('服务热线：021-64871234'));
  }
  const en = lines({ ...data, language: 'en' }).join(' ');
  assert.ok(en.includes('Please wait in: 自然人服务区（1楼西侧）'));
  assert.ok(en.includes('Hotline: 021-64871234'));
  assert.not.ok(lines(sampleTicket).some((l) => l.includes('热线') || l.includes('等候区')), 'nothing printed when not configured');
});

layout('no line is wider than the paper at its text size', () => {
  const long = { ...appointmentReprint, hallName: '某某省某某市某某区人民政府政务服务中心（市民之家）东区分中心', matterName: '建设工程规划许可证核发（建筑类）变更、延续、补证及注销'.repeat(2), missedNumberRule: '过号请到综合咨询台重新取号，或在叫号机上办理过号顺延；预约过号以现场取号为准。' };
  for (const paperWidth of [58, 80] as const) {
    for (const data of [sampleTicket, appointmentReprint, long]) {
      const l = layoutTicket(data, { paperWidth });
      for (const b of l.blocks) if (b.kind === 'text') assert.ok(displayWidth(b.text) * b.size <= l.columns, `${b.text} x${b.size} > ${l.columns}`);
      for (const line of renderLayoutAsText(l).split('\n')) if (line.startsWith('|')) assert.is(displayWidth(line), l.columns + 2);
    }
  }
});

layout('the ticket number is printed very large, bold and exactly', () => {
  for (const paperWidth of [58, 80] as const) {
    const number = layoutTicket(sampleTicket, { paperWidth }).blocks.find((b) => b.kind === 'text' && b.text === 'A023');
    assert.ok(number && number.kind === 'text' && number.size === (4 as TextSize) && number.bold);
  }
  const wide = layoutTicket({ ...sampleTicket, number: 'ZX20250314' }, { paperWidth: 58 });
  assert.ok(wide.blocks.some((b) => b.kind === 'text' && b.text === 'ZX20250314' && b.size === 3));
});

layout('full-width number digits fold to ASCII; anything else is refused, never printed as ? or □', () => {
  const l = layoutTicket({ ...sampleTicket, number: 'Ａ０２３' }, { paperWidth: 80 });
  assert.ok(l.blocks.some((b) => b.kind === 'text' && b.text === 'A023'));
  const refused = (e: unknown) => e instanceof InvalidTicketDataError;
  assert.throws(() => layoutTicket({ ...sampleTicket, number: '急023' }, { paperWidth: 80 }), refused);
  assert.throws(() => layoutTicket({ ...sampleTicket, number: '' }, { paperWidth: 80 }), refused);
});

layout('date and time are those of the hall time zone', () => {
  const text = (timeZone: string) => renderLayoutAsText(layoutTicket({ ...sampleTicket, timeZone }, { paperWidth: 80 }));
  assert.match(text('Asia/Shanghai'), '2025-03-14 09:05');
  assert.match(text('Asia/Urumqi'), '2025-03-14 07:05');
  assert.match(text('America/New_York'), '2025-03-13 21:05');
  assert.throws(() => text('Mars/Olympus'), (e: unknown) => e instanceof RangeError);
});

layout('wait phrases: minutes, unknown, and none', () => {
  const lines = (estimatedWaitMinutes: number | null) => renderLayoutAsText(layoutTicket({ ...sampleTicket, estimatedWaitMinutes }, { paperWidth: 80 }));
  assert.match(lines(25), '预计等候约25分钟');
  assert.match(lines(null), '等候时间暂无法预估，请留意叫号');
  assert.match(lines(0), '预计即将叫号');
});

layout('carries only what the ticket needs: hall, number, matter, queue facts, rules and the QR token URL', () => {
  const text = layoutTicket(sampleTicket, { paperWidth: 80 })
    .blocks.map((b) => (b.kind === 'text' ? b.text : b.kind === 'qr' ? b.content : ''))
    .join('\n');
  for (const part of ['上海市徐汇区', 'A', '不动产登记', '您前面还有12人等候', '当日有效', '过号请重新取号', sampleTicket.qrContent.slice(0, 20)]) assert.match(text, part);
  assert.not.match(text, '补打');
  assert.not.match(text, '预约时段');
});

layout.run();
