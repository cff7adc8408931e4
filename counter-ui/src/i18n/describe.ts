/** Server errors in plain words in the current language (never a raw code or stack). */
import type { ErrorBody } from '../../../server/protocol/errors';
import { describeError } from '../../../ui-shared/src/i18n';
import { i18n } from './messages';

export function describe(error: Pick<ErrorBody, 'code' | 'message' | 'detail'>): string {
  return describeError(i18n.lang.get(), error);
}
