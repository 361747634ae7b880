import { useEffect, useRef } from 'react';
import type { CombinedError } from 'urql';
import { topLevelErrors, type ApiErrorLike } from '../i18n/errors';
import { useErrorText } from './Errors';

/** A payload error as every mutation returns it, or a problem the form's own check found (code formCheck). */
export type PayloadError = ApiErrorLike;

/** What a refused or failed mutation says: payload errors, else the request's top-level errors. */
export function mutationErrors(payload: readonly PayloadError[] | undefined, error: CombinedError | undefined): PayloadError[] {
  if (payload && payload.length > 0) return [...payload];
  if (!error) return [];
  return error.graphQLErrors.length > 0 ? topLevelErrors(error) : [{ code: 'NETWORK', message: error.message }];
}

/** The error summary of a form: focused when it appears, so a screen reader hears why the form was refused. */
export function FormErrors({ title, errors }: { title: string; errors: readonly PayloadError[] }) {
  const { describe } = useErrorText();
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
          <li key={i}>{describe(e)}</li>
        ))}
      </ul>
    </div>
  );
}
