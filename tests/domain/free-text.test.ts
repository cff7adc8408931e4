/** Screening free text for personal data (server/domain/free-text.ts, docs/security.md, "Personal data in free text"). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMON_SURNAMES, containsPersonalData, normalizeForScreening, redactPersonalData, screenFreeText } from '../../server/domain/free-text';

const kinds = (s: string) => screenFreeText(s).findings.map((f) => f.kind);

const phones = suite('free text: phone numbers');
phones('a mobile number in any punctuation, width or script is found', () => {
  for (const s of [
    '13812345678',
    '138-1234-5678',
    '138 1234 5678',
    '138.1234.5678',
    '(138)1234-5678',
    '138—1234—5678',
    '138／1234／5678'.replace(/／/g, '/'),
    '+86 138 1234 5678',
    '+8613812345678',
    '0086-138-1234-5678',
    '１３８１２３４５６７８',
    '１３８－１２３４－５６７８',
    '一三八一二三四五六七八',
    '幺三八'.replace('幺', '1') + '12345678',
    '电话：138 1234 5678，请回电',
  ]) {
    assert.equal(kinds(s), ['phone'], s);
  }
});
phones('landlines with an area code are found when written with a separator', () => {
  for (const s of ['021-64871234', '(010) 1234 5678', '0755-8888-9999', '０２１－６４８７１２３４']) assert.equal(kinds(s), ['phone'], s);
});
phones('ordinary numbers are left alone: ticket numbers, counters, dates, times, counts, short codes', () => {
  for (const s of ['A023 号到 5 号窗口', '预约改到2026-11-25', '09:30–10:00', '叫号3次未到', '第1001号', '材料共12页', '2026年11月23日', '办理时长 20 分钟', '20261125', '1234567']) {
    assert.equal(kinds(s), [], s);
  }
});

const ids = suite('free text: identity numbers and long numbers');
ids('identity numbers with separators, lower-case x, full width, and 15-digit old numbers', () => {
  for (const s of ['11010519491231002X', '11010519491231002x', '110101-19900307-299X', '110101 1990 0307 299X', '１１０１０１１９９００３０７２９９Ｘ', '110105491231002', '身份证号110101199003072995有误']) {
    assert.equal(kinds(s), ['id_number'], s);
  }
});
ids('unified social credit codes', () => {
  for (const s of ['91350100M000100Y43', '代码91310110666007217T已核验']) assert.equal(kinds(s), ['id_number'], s);
});
ids('bank cards and other 12+ digit runs', () => {
  for (const s of ['6222 0212 3456 7890 123', '622202123456789']) assert.equal(kinds(s).length, 1, s);
});

const names = suite('free text: names');
names('a surname before a title', () => {
  for (const [s, out] of <[string, string][]>[
    ['张先生来过', '某先生来过'],
    ['王女士', '某女士'],
    ['欧阳女士的材料', '某女士的材料'],
    ['李老师', '某老师'],
    ['王小明先生', '某先生'],
    ['高先生', '某先生'],
    ['请于女士到3号窗口', '请某女士到3号窗口'],
  ]) {
    assert.is(redactPersonalData(s), out, s);
  }
});
names('after a label, after a verb of calling, or alone between punctuation', () => {
  for (const [s, out] of <[string, string][]>[
    ['办事人：王小明先生', '办事人：某先生'],
    ['姓名：赵六', '姓名：某'],
    ['联系人为李四', '联系人为某'],
    ['办事人王小明已离开', '办事人某已离开'],
    ['请张伟到5号窗口', '请某到5号窗口'],
    ['通知刘洋', '通知某'],
    ['办事人离开，张伟，已通知', '办事人离开，某，已通知'],
    ['张伟', '某'],
    ['联系人：张三', '联系人：某'],
    ['李四，王五', '某，某'],
  ]) {
    assert.is(redactPersonalData(s), out, s);
  }
});
names('ordinary reasons are left alone', () => {
  for (const s of [
    '办事人离开',
    '材料属于变更登记',
    '系统维护，请稍候',
    '应由1号窗口办理',
    '食品许可同窗办理',
    '请稍候',
    '请于明天上午再来',
    '高新区政务服务中心',
    '社保登记',
    '办事人实际办理注销',
    '企业设立登记',
    '今日下午停电，暂停取号',
    '会议：科室例会',
    '休息',
  ]) {
    assert.equal(kinds(s), [], s);
  }
});
names('every common surname is recognised before a title', () => {
  for (const c of COMMON_SURNAMES) assert.is(redactPersonalData(`${c}先生`), '某先生', c);
});

const shape = suite('free text: redaction');
shape('numbers become one ＊ per character; the rest of the text is kept exactly', () => {
  assert.is(redactPersonalData('请联系 138-1234-5678 谢谢'), '请联系 ＊＊＊＊＊＊＊＊＊＊＊＊＊ 谢谢');
  assert.is(redactPersonalData('号码１３８１２３４５６７８'), '号码＊＊＊＊＊＊＊＊＊＊＊');
  assert.is(redactPersonalData('张先生 13812345678，110101199003072995'), '某先生 ＊＊＊＊＊＊＊＊＊＊＊，＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊');
  // Numbers one space apart are one cluster: blanked out together (better too much than too little).
  assert.is(redactPersonalData('13812345678 110101199003072995'), '＊'.repeat(30));
});
shape('clean text is returned unchanged; redaction is idempotent and never grows the findings', () => {
  for (const s of ['', '办事人离开', 'A023', '😀 ok']) assert.is(redactPersonalData(s), s);
  for (const s of ['张先生 138-1234-5678', '110101-19900307-299X', '请张伟到5号窗口']) {
    const once = redactPersonalData(s);
    assert.is(redactPersonalData(once), once, s);
    assert.not.ok(containsPersonalData(once), once);
  }
});
shape('normalisation maps one character to one character', () => {
  const s = '１３８ＡＢ〇一二三　x';
  assert.is(normalizeForScreening(s).length, s.length);
  assert.is(normalizeForScreening(s), '138AB0123 x');
  assert.is(normalizeForScreening(s, false), '138AB〇一二三 x', 'names keep their characters');
});

for (const s of [phones, ids, names, shape]) s.run();
