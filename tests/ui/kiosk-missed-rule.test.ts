/** The missed-number rule on the kiosk's ticket screen follows the visitor's language (kiosk-ui/src/stores/missed-rule.ts). */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';
import { kioskMessages } from '../../kiosk-ui/src/i18n/messages';
import { missedRuleFor } from '../../kiosk-ui/src/stores/missed-rule';

const t = suite('kiosk missed-number rule by language');
const EN_DEFAULT = kioskMessages.en.ticket_rule_default;
const hall = { missedNumberRule: '过号请重新取号', missedNumberRuleEn: 'Missed numbers take a new ticket' };

t("the English screen shows the hall's English rule, the Chinese screen the Chinese one", () => {
  assert.is(missedRuleFor(hall, 'en', EN_DEFAULT), 'Missed numbers take a new ticket');
  assert.is(missedRuleFor(hall, 'zh-CN', EN_DEFAULT), '过号请重新取号');
});

t('no English rule (unset, blank, or an older server): the default English text, never the Chinese rule', () => {
  for (const missedNumberRuleEn of [undefined, null, '', '   ']) {
    assert.is(missedRuleFor({ missedNumberRule: '过号请重新取号', missedNumberRuleEn }, 'en', EN_DEFAULT), EN_DEFAULT);
  }
  assert.is(missedRuleFor(null, 'en', EN_DEFAULT), null, 'no hall loaded: nothing');
});

t("the kiosk's English default is the server's default English rule (what English tickets print)", () => {
  assert.is(EN_DEFAULT, DEFAULT_HALL_SETTINGS.missedNumberRuleEn);
  assert.is(kioskMessages['zh-CN'].ticket_rule_default, DEFAULT_HALL_SETTINGS.missedNumberRule);
});

t.run();
