import { useMemo } from 'react';
import type { CombinedError } from 'urql';
import { useI18n } from '../i18n';
import { describeCombinedError, describeError, type ApiErrorLike } from '../i18n/errors';
import { ErrorBox } from './ErrorBox';

/** Words API errors in the page's language: describe(payloadError), describeAll(combinedError). */
export function useErrorText() {
  const { lang } = useI18n();
  return useMemo(
    () => ({
      describe: (error: ApiErrorLike) => describeError(error, lang),
      describeAll: (error: CombinedError) => describeCombinedError(error, lang),
    }),
    [lang],
  );
}

/** The id of a field's error line, for the input's aria-describedby. */
export function fieldErrorId(field: string): string {
  return `error-${field.replace(/\W/g, '-')}`;
}

/**
 * What stopped a mutation, as one alert: the request's top-level error (`error`) and the payload's `errors`, worded
 * from code and params. Errors of the fields in `inline` are left to their <FieldError>. Renders nothing without errors.
 */
export function ErrorList({
  title,
  error,
  errors = [],
  inline = [],
}: {
  title: string;
  error?: CombinedError;
  errors?: readonly ApiErrorLike[];
  inline?: readonly string[];
}) {
  const { describe, describeAll } = useErrorText();
  const messages = [
    ...(error ? describeAll(error) : []),
    ...errors.filter((e) => !e.field || !inline.includes(e.field)).map(describe),
  ];
  return messages.length > 0 ? <ErrorBox title={title} messages={messages} /> : null;
}

/** The payload errors naming `field`, worded, under its input; nothing when there are none. */
export function FieldError({ field, errors }: { field: string; errors: readonly ApiErrorLike[] }) {
  const { describe } = useErrorText();
  const own = errors.filter((e) => e.field === field);
  if (own.length === 0) return null;
  return (
    <p className="field-error" id={fieldErrorId(field)} role="alert" data-testid={`field-error-${field}`}>
      {own.map(describe).join(' ')}
    </p>
  );
}
