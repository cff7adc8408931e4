import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { maskIdNumber, maskName, maskPhone, phoneMessages, validatePhone } from '../../server/protocol/masking';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function makeId(first17: string): string {
  const r = [...first17].reduce((s, c, i) => s + Number(c) * W[i]!, 0) % 11;
  return first17 + '10X98765432'[r]!;
}

const id = suite('maskIdNumber');

id('docs/domain.md vector', () => {
  assert.is(maskIdNumber('11010519491231002X'), '110105********002X');
});

id('trims and shows a trailing x upper-cased', () => {
  assert.is(maskIdNumber('  11010519491231002x '), '110105********002X');
});

id('generated: 18-character numbers never leak the birth date', () => {
  for (let i = 0; i < 500; i++) {
    const ymd = new Date(Date.UTC(1920, 0, 1) + i * 53 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const value = makeId(`3101${String(i % 100).padStart(2, '0')}${ymd}${String(i % 1000).padStart(3, '0')}`);
    const masked = maskIdNumber(value);
    assert.is(masked.length, 18);
    assert.is(masked, `${value.slice(0, 6)}********${value.slice(14)}`);
    assert.not.ok(masked.includes(ymd));
  }
});

id('odd lengths are masked harder, short ones completely', () => {
  assert.is(maskIdNumber(''), '');
  assert.is(maskIdNumber('   '), '');
  assert.is(maskIdNumber('1'), '*');
  assert.is(maskIdNumber('123456789'), '*********');
  assert.is(maskIdNumber('1234567890'), '123*****90');
  assert.is(maskIdNumber('110105491231002'), '110**********02');
  assert.is(maskIdNumber('1101051949123100212'), '110**************12');
});

id('generated: never returns a non-empty input unchanged', () => {
  for (let n = 1; n <= 40; n++) {
    const raw = '1234567890'.repeat(4).slice(0, n);
    const masked = maskIdNumber(raw);
    assert.is.not(masked, raw, raw);
    assert.is(masked.length, n);
    assert.ok(masked.includes('*'));
  }
});

id.run();

const phone = suite('maskPhone');

phone('docs/domain.md vector', () => {
  assert.is(maskPhone('13812341234'), '138****1234');
});

phone('separators and country prefixes are normalised first', () => {
  for (const raw of ['138 1234 1234', '138-1234-1234', '+86 138 1234 1234', '+8613812341234', '008613812341234', ' 13812341234 ']) {
    assert.is(maskPhone(raw), '138****1234', raw);
  }
});

phone('other numbers: landlines and short codes', () => {
  assert.is(maskPhone('021-62345678'), '021****5678');
  assert.is(maskPhone('62345678'), '62****78');
  assert.is(maskPhone('1234567'), '12***67');
  assert.is(maskPhone('123456'), '******');
  assert.is(maskPhone('12345'), '*****');
  assert.is(maskPhone('+85221234567'), '852****4567');
  assert.is(maskPhone('+852 2123 45678'), '852*****5678');
});

phone('empty and odd input', () => {
  assert.is(maskPhone(''), '');
  assert.is(maskPhone('  '), '');
  assert.is(maskPhone('abc'), '***');
  assert.is(maskPhone('138abcd1234'), '***********');
  assert.is(maskPhone('+'), '*');
  assert.is(maskPhone('电话13812341234'), '*************');
  assert.is(maskPhone('１３８１２３４１２３４'), '138****1234');
});

phone('generated: never returns a non-empty input unchanged, never shows the middle four', () => {
  for (let i = 0; i < 500; i++) {
    const raw = `1${3 + (i % 7)}${String(i * 7919).padStart(9, '0').slice(-9)}`;
    const masked = maskPhone(raw);
    assert.is(masked, `${raw.slice(0, 3)}****${raw.slice(7)}`);
  }
  for (let n = 1; n <= 20; n++) {
    const raw = '9876543210'.repeat(2).slice(0, n);
    assert.is.not(maskPhone(raw), raw, raw);
  }
});

phone.run();

const name = suite('maskName');

name('docs/domain.md vectors', () => {
  assert.is(maskName('张三'), '张*');
  assert.is(maskName('欧阳娜娜'), '欧**娜');
});

name('lengths 0, 1, 3 and long names', () => {
  assert.is(maskName(''), '');
  assert.is(maskName('  '), '');
  assert.is(maskName('张'), '*');
  assert.is(maskName('王小明'), '王*明');
  assert.is(maskName(' 李四 '), '李*');
  assert.is(maskName('阿依古丽·买买提'), '阿******提');
  assert.is(maskName('John Smith'), 'J********h');
});

name('characters outside the BMP and combining marks are not split', () => {
  assert.is(maskName('𠮷野家'), '𠮷*家');
  assert.is(maskName('𠮷'), '*');
  assert.is(maskName('𠮷田'), '𠮷*');
  assert.is(maskName('José'), 'J**é');
  assert.is(maskName('Jose\u0301'), 'J**e\u0301');
});

name('generated: never returns a non-empty name unchanged and keeps its length', () => {
  const pool = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
  for (let n = 1; n <= 12; n++) {
    for (let k = 0; k < 20; k++) {
      const raw = Array.from({ length: n }, (_, j) => pool[(k * 3 + j * 5) % pool.length]).join('');
      const masked = maskName(raw);
      assert.is.not(masked, raw, raw);
      assert.is([...masked].length, n, raw);
      if (n >= 2) assert.is(masked[0], raw[0]);
      if (n >= 3) assert.is(masked.at(-1), raw.at(-1));
    }
  }
});

name.run();

const valid = suite('validatePhone');

valid('accepts mainland mobile numbers 1[3-9] + 9 digits', () => {
  for (let second = 3; second <= 9; second++) {
    const raw = `1${second}812341234`;
    assert.equal(validatePhone(raw), { ok: true, value: raw });
  }
  assert.equal(validatePhone(' 138 1234 1234 '), { ok: true, value: '13812341234' });
  assert.equal(validatePhone('138-1234-1234'), { ok: true, value: '13812341234' });
  assert.equal(validatePhone('+86 138 1234 1234'), { ok: true, value: '13812341234' });
  assert.equal(validatePhone('008613812341234'), { ok: true, value: '13812341234' });
  assert.equal(validatePhone('8613812341234'), { ok: true, value: '13812341234' });
  assert.equal(validatePhone('＋８６　１３８１２３４１２３４'), { ok: true, value: '13812341234' });
});

valid('rejects everything else', () => {
  for (const raw of [
    '', '10812341234', '11812341234', '12812341234', '23812341234', '1381234123', '138123412345',
    '+8513812341234', '+86 10812341234', '138.1234.1234', '1381234123a', '02162345678', '+86+8613812341234',
  ]) {
    assert.equal(validatePhone(raw), { ok: false, reason: 'format' }, raw);
  }
  assert.ok(phoneMessages.format['zh-CN'].length > 5);
  assert.ok(phoneMessages.format.en.length > 10);
});

valid.run();
