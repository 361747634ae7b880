import { useEffect, useRef } from 'react';
import type { CombinedError } from 'urql';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';

/** A payload error as every mutation returns it. */
export interface PayloadError {
  code: string;
  message: string;
  field: string | null;
}

/**
 * The one place the workspaces word an API error: by its code in the page's language where a wording exists, else
 * the API's own message. The shared error-wording module replaces this function when it lands.
 */
export function payloadErrorText(error: PayloadError, t: (key: MessageKey) => string): string {
  const key = `reviewer.error.${error.code}` as MessageKey;
  const text = t(key);
  return text === key || text === undefined ? error.message : text;
}

/** What a refused or failed mutation says: payload errors, else the GraphQL or network error. */
export function mutationErrors(payload: PayloadError[] | undefined, error: CombinedError | undefined): PayloadError[] {
  if (payload && payload.length > 0) return payload;
  if (!error) return [];
  const messages = error.graphQLErrors.length > 0 ? error.graphQLErrors.map((e) => e.message) : [error.networkError?.message || error.message];
  return messages.map((message) => ({ code: '', message, field: null }));
}

/** The error summary of a form: focused when it appears, so a screen reader hears why the form was refused. */
export function FormErrors({ title, errors }: { title: string; errors: PayloadError[] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) box.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-box" role="alert" tabIndex={-1} ref={box} data-testid="form-errors">
      <strong>{title}</strong>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{payloadErrorText(e, t)}</li>
        ))}
      </ul>
    </div>
  );
}
