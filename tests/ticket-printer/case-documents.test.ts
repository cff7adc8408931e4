/**
 * Case documents on paper: the bytes sent to the printer, decoded back the way a printer reads
 * them (GB18030 after FS &), hold every field the rule asks for — case number, matter, date, due
 * date, how to follow progress (the QR) and delivery on the 受理回执; every missing item in the
 * guide's wording, the counter and the deadline on the 一次性告知书; the reason on the 不予受理 notice —
 * on 58 and 80 mm paper, Epson and Star, native and raster QR.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  decodeEscPos,
  encodeTicket,
  InvalidTicketDataError,
  layoutCaseDocument,
  printerProfileSchema,
  type CaseDocumentPrintData,
  dotsForPaper,
  renderPreviewPng,
} from '../../ticket-printer/index';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const URL = 'http://hall.example.gov.cn/p/AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const base: CaseDocumentPrintData = {
  kind: 'case_receipt',
  hallName: '徐汇区行政服务中心',
  caseNumber: '202509300001',
  matterName: '企业设立登记',
  departmentName: '区市场监督管理局',
  issuedAt: new Date('2025-09-30T02:05:00Z'),
  timeZone: 'Asia/Shanghai',
  counterNumber: 5,
  dueDate: '2025-10-14',
  onTheSpot: false,
  resultName: '营业执照',
  delivery: 'pickup',
  items: [],
  deadline: null,
  reason: null,
  contact: '021-64872222',
  hotline: '12345',
  progressUrl: URL,
};
const NOTICE_ITEMS = ['公司章程（原件 1 份）', '法定代表人身份证件（复印件 1 份）：复印件不清晰', '住所使用证明（原件 1 份，租赁合同及产权证明复印件）'];

const PROFILES = [
  printerProfileSchema.parse({ host: 'p', paperWidth: 80 }),
  printerProfileSchema.parse({ host: 'p', paperWidth: 58 }),
  printerProfileSchema.parse({ host: 'p', paperWidth: 80, qr: 'image' }),
  printerProfileSchema.parse({ host: 'p', paperWidth: 58, type: 'star', chineseMode: 'none', qr: 'image' }),
];

/** The decoded text with the line breaks (and spaces) of wrapping removed, so a long field is found whole. */
function printed(data: CaseDocumentPrintData, profile = PROFILES[0]!) {
  const bytes = encodeTicket(layoutCaseDocument(data, profile), profile);
  const job = decodeEscPos(bytes, { emulation: profile.type, chineseByDefault: profile.chineseMode === 'none' });
  assert.equal(job.warnings, [], 'the printer understood every byte');
  const qr = job.items.filter((i) => i.kind === 'qr').map((i) => (i as { data: string }).data);
  const images = job.items.filter((i) => i.kind === 'image').length;
  const lines = job.items.filter((i) => i.kind === 'text').map((i) => (i as { text: string }).text);
  const text = lines.join('').replace(/\s+/g, '');
  const has = (field: string) => text.includes(field.replace(/\s+/g, ''));
  return { text, has, lines, qr, images, cut: job.items.at(-1)?.kind === 'cut' };
}

const t = suite('case documents on paper');

t('受理回执: case number, matter, date, due date, delivery and how to follow progress, on every profile', () => {
  for (const profile of PROFILES) {
    const p = printed(base, profile);
    for (const field of ['受理回执', '徐汇区行政服务中心', '办件编号：202509300001', '办理事项：企业设立登记', '承办部门：区市场监督管理局', '日期：2025-09-30 10:05', '受理窗口：5号窗口', '承诺办结日期：2025-10-14', '办理结果：营业执照', '送达方式：窗口领取', '查询进度', '咨询电话：021-64872222']) {
      assert.ok(p.has(field), `${profile.paperWidth} mm ${profile.type}: "${field}" in ${p.lines.join(' | ')}`);
    }
    if (profile.qr === 'native') assert.equal(p.qr, [URL], 'the QR opens the progress page');
    else assert.is(p.images, 1, 'the QR as a raster image');
    assert.ok(p.cut);
    for (const line of p.lines) assert.ok([...line].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x7f ? 2 : 1), 0) <= (profile.paperWidth === 58 ? 32 : 48), `fits: ${line}`);
  }
});

t('受理回执 by post, electronic, on the spot, and under 容缺 with its promise', () => {
  assert.ok(printed({ ...base, delivery: 'post' }).has('送达方式：邮寄送达'));
  assert.ok(printed({ ...base, delivery: 'electronic' }).has('送达方式：电子送达'));
  const spot = printed({ ...base, onTheSpot: true, dueDate: null });
  assert.ok(spot.has('已当场办结'));
  assert.not.ok(spot.has('承诺办结日期'));
  const tolerated = printed({ ...base, items: ['股东会决议（原件 1 份）'], deadline: '2025-10-20' });
  assert.ok(tolerated.has('容缺受理：您已书面承诺于2025-10-20前补交以下材料'));
  assert.ok(tolerated.has('1. 股东会决议（原件 1 份）'));
  assert.ok(tolerated.has('承诺办结日期：2025-10-14'));
});

t('一次性告知书: every missing item in the given wording, the counter and the deadline', () => {
  for (const profile of PROFILES) {
    const p = printed({ ...base, kind: 'case_notice', dueDate: null, items: NOTICE_ITEMS, deadline: '2025-10-21' }, profile);
    assert.ok(p.has('一次性告知书'));
    assert.ok(p.has('办件编号：202509300001'));
    assert.ok(p.has('办理事项：企业设立登记'));
    assert.ok(p.has('日期：2025-09-30'));
    NOTICE_ITEMS.forEach((item, i) => assert.ok(p.has(`${i + 1}. ${item}`), `${profile.paperWidth} mm: item ${item}`));
    assert.ok(p.has('请于2025-10-21前携带上述材料到5号窗口继续办理'), p.text);
    assert.ok(p.has('咨询电话：021-64872222'));
    assert.not.ok(p.has('承诺办结日期'), 'no due date before acceptance');
  }
});

t('不予受理通知书: the reason and the counter', () => {
  const p = printed({ ...base, kind: 'case_refusal', dueDate: null, reason: '申请事项不属于本机关职权范围' });
  assert.ok(p.has('不予受理通知书'));
  assert.ok(p.has('不予受理理由：申请事项不属于本机关职权范围'));
  assert.ok(p.has('受理窗口：5号窗口'));
  assert.ok(p.has('办件编号：202509300001'));
});

t('English wording when asked', () => {
  const p = printed({ ...base, language: 'en' });
  assert.ok(p.has('Case no.: 202509300001'));
  assert.ok(p.has('Promised completion: 2025-10-14'));
});

t('incomplete documents are refused, never printed half', () => {
  const bad: Partial<CaseDocumentPrintData>[] = [
    { kind: 'case_notice', items: [], deadline: '2025-10-21' },
    { kind: 'case_notice', items: NOTICE_ITEMS, deadline: null },
    { kind: 'case_refusal', reason: '  ' },
    { kind: 'case_receipt', dueDate: null, onTheSpot: false },
    { caseNumber: 'A001' },
    { progressUrl: '' },
  ];
  for (const b of bad) assert.throws(() => layoutCaseDocument({ ...base, ...b }, PROFILES[0]!), (e: unknown) => e instanceof InvalidTicketDataError, JSON.stringify(b));
  assert.throws(() => layoutCaseDocument({ ...base, timeZone: 'Mars/Base' }, PROFILES[0]!), RangeError);
});

t('control bytes in a name cannot reach the printer', () => {
  const p = printed({ ...base, matterName: '企业\x1b@设立\x1d!登记' });
  assert.ok(p.has('企业'));
  assert.not.ok(p.lines.join('').includes('\x1b'));
});

t('the paper as the printer draws it: previews of the receipt and the notice (artifacts/screenshots)', () => {
  const profile = PROFILES[0]!;
  for (const [name, data] of [
    ['receipt', { ...base, items: ['股东会决议（原件 1 份）'], deadline: '2025-10-20' }],
    ['notice', { ...base, kind: 'case_notice', dueDate: null, items: NOTICE_ITEMS, deadline: '2025-10-21' }],
    ['refusal', { ...base, kind: 'case_refusal', dueDate: null, reason: '申请事项不属于本机关职权范围' }],
  ] as const) {
    const job = decodeEscPos(encodeTicket(layoutCaseDocument(data as CaseDocumentPrintData, profile), profile));
    const png = renderPreviewPng(job.items, dotsForPaper(80));
    assert.ok(png.length > 1000);
    mkdirSync(join(process.cwd(), 'artifacts', 'screenshots'), { recursive: true });
    writeFileSync(join(process.cwd(), 'artifacts', 'screenshots', `case-paper-${name}-80mm.png`), png);
  }
});

t.run();
