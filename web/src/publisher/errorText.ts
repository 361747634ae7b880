import type { MessageKey } from '../i18n/zh';

/** An error in a mutation payload, as the API sends it. */
export interface PayloadError {
  code: string;
  message: string;
  field: string | null;
}

/**
 * The words a payload error is shown in. The one place the workspace turns an API error into text, so that the shared
 * error-wording module (codes and parameters worded in zh/en) can replace it; until then, the API's message.
 */
export function apiErrorText(error: PayloadError, _t: (key: MessageKey) => string): string {
  return error.message;
}
