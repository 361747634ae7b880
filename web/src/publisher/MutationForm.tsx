import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, type TypedDocumentNode } from 'urql';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { FormErrors, mutationErrors, type PayloadError } from '../components/FormErrors';
import { useErrorText } from '../components/Errors';
import { formCheck } from '../i18n/errors';
import { EnumValues } from './documents';
import { changedTypes } from '../lib/action';

// One form for every Publisher mutation: fields declared as data, checked as the API checks them before sending
// (required, lengths, amounts in yuan sent as fen, whole numbers, dates), the API's payload errors shown in a summary
// that takes the focus and next to their field, and what was typed kept when a submission is refused.

export type FieldKind = 'text' | 'textarea' | 'yuan' | 'int' | 'date' | 'enum' | 'codes' | 'bool' | 'rows' | 'flags';

export interface FieldSpec {
  /** The API's input field; a 'yuan' field names the fen field (amountFen) and is entered in yuan. */
  name: string;
  label: MessageKey;
  kind: FieldKind;
  required?: boolean;
  maxLength?: number;
  /** For 'enum' and 'flags' (a box per value, sent as the list of the ticked ones): the API enum whose values are offered (labels from te). */
  enumName?: string;
  options?: string[];
  /** For 'enum' values that are codes of records rather than an API enum: how each is shown. */
  optionLabel?: (value: string) => string;
  /** For 'int' and 'yuan': the smallest value allowed (0 by default; 1 for a positive amount). */
  min?: number;
  max?: number;
  hint?: MessageKey;
  /** For 'rows': one record per line, its values separated by '|', e.g. a project's performance targets. */
  columns?: { name: string; label: MessageKey; kind: 'text' | 'decimal'; maxLength?: number }[];
}

export type Values = Record<string, string>;

/** The values of an API enum, for a select. */
function useEnum(name: string): string[] {
  const [result] = useQuery({ query: EnumValues, variables: { name } });
  return result.data?.__type?.enumValues?.map((v) => v.name) ?? [];
}

export function useEnums(...names: string[]): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  // The names are constants of each caller, so the hooks run in the same order on every render.
  for (const name of names) values[name] = useEnum(name);
  return values;
}

/** The field with its enum's values as options. */
export const withEnum = (f: FieldSpec, enums: Record<string, string[]>): FieldSpec =>
  f.enumName ? { ...f, options: enums[f.enumName] } : f;

/** "123.45" yuan as fen, or null when it is not an amount of at most two decimals. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

interface Checked {
  input: Record<string, unknown>;
  errors: PayloadError[];
}

function check(
  spec: FieldSpec[],
  values: Values,
  t: (key: MessageKey) => string,
  tf: (key: MessageKey, p: Record<string, string | number>) => string,
): Checked {
  const input: Record<string, unknown> = {};
  const errors: PayloadError[] = [];
  const refuse = (field: FieldSpec, key: MessageKey, extra: Record<string, string | number> = {}) =>
    errors.push({ code: formCheck, field: field.name, message: tf(key, { label: t(field.label), ...extra }) });
  for (const field of spec) {
    const raw = (values[field.name] ?? '').trim();
    if (field.kind === 'bool') {
      input[field.name] = values[field.name] === 'true';
      continue;
    }
    if (field.kind === 'flags') {
      input[field.name] = (values[field.name] ?? '').split(',').filter(Boolean);
      continue;
    }
    if (raw === '') {
      if (field.required) refuse(field, 'publisher.form.required');
      else input[field.name] = null;
      continue;
    }
    if (field.maxLength && raw.length > field.maxLength) {
      refuse(field, 'publisher.form.tooLong', { max: field.maxLength });
      continue;
    }
    const min = field.min ?? 0;
    switch (field.kind) {
      case 'yuan': {
        const fen = parseYuan(raw);
        if (fen === null || fen < min) refuse(field, min > 0 ? 'publisher.form.positiveYuan' : 'publisher.form.yuan');
        else input[field.name] = fen;
        break;
      }
      case 'int': {
        const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
        if (!Number.isSafeInteger(n) || n < min || (field.max !== undefined && n > field.max)) {
          refuse(field, 'publisher.form.int', { min, max: field.max ?? '∞' });
        } else input[field.name] = n;
        break;
      }
      case 'date':
        if (!isoDate.test(raw) || Number.isNaN(Date.parse(raw))) refuse(field, 'publisher.form.date');
        else input[field.name] = raw;
        break;
      case 'codes':
        input[field.name] = raw.split(/[\s,，、]+/).filter(Boolean);
        break;
      case 'rows': {
        const columns = field.columns ?? [];
        const rows = raw
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => line.split(/[|｜]/).map((part) => part.trim()));
        const fits = rows.every(
          (parts) =>
            parts.length === columns.length &&
            columns.every(
              (c, i) =>
                parts[i] !== '' && (c.kind === 'decimal' ? /^-?\d+(\.\d+)?$/.test(parts[i]) : parts[i].length <= (c.maxLength ?? Infinity)),
            ),
        );
        if (!fits) refuse(field, 'publisher.form.rows', { columns: columns.map((c) => t(c.label)).join(' | ') });
        else
          input[field.name] = rows.map((parts) =>
            Object.fromEntries(columns.map((c, i) => [c.name, c.kind === 'decimal' ? Number(parts[i]) : parts[i]])),
          );
        break;
      }
      default:
        input[field.name] = raw;
    }
  }
  return { input, errors };
}

export interface MutationFormProps<R> {
  /** A prefix for the inputs' ids, unique on the page. */
  id: string;
  title: MessageKey;
  spec: FieldSpec[];
  mutation: TypedDocumentNode<any, { input: Record<string, unknown> }>;
  /** The mutation's field in the answer, e.g. 'createFund'. */
  field: string;
  /** Input fields not typed by the user, e.g. the draft's code. */
  fixed?: Record<string, unknown>;
  initial?: Values;
  submit: MessageKey;
  /** Called with the payload once the API accepted it; the text returned is shown as the success line. */
  onDone?: (payload: R) => string | null | void;
  /** Keep what was typed after a success too (an edit form). */
  keepOnSuccess?: boolean;
  /** For what cannot be undone: a box to tick, with this text, before the form is sent. */
  confirm?: MessageKey;
}

export function MutationForm<R extends { errors: PayloadError[]; warnings?: { code: string; message: string }[] }>({
  id,
  title,
  spec,
  mutation,
  field,
  fixed,
  initial,
  submit,
  onDone,
  keepOnSuccess,
  confirm,
}: MutationFormProps<R>) {
  const { t, tf, te } = useI18n();
  const { describe } = useErrorText();
  const [result, send] = useMutation(mutation);
  const blank = () => Object.fromEntries(spec.map((f) => [f.name, initial?.[f.name] ?? ''])) as Values;
  const [values, setValues] = useState<Values>(blank);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const headingId = useId();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setWarnings([]);
    const checked = check(spec, values, t, tf);
    if (confirm && !confirmed) checked.errors.push({ code: formCheck, field: 'confirm', message: t('publisher.form.confirmFirst') });
    if (checked.errors.length > 0) {
      setErrors(checked.errors);
      return;
    }
    const outcome = await send({ input: { ...checked.input, ...fixed } }, { additionalTypenames: changedTypes });
    const payload = outcome.data?.[field] as R | undefined;
    const refused: PayloadError[] = outcome.error ? mutationErrors(undefined, outcome.error) : (payload?.errors ?? []);
    if (refused.length > 0 || !payload) {
      setErrors(refused);
      return;
    }
    setErrors([]);
    setWarnings((payload.warnings ?? []).map(describe));
    setDone(onDone?.(payload) || t('publisher.form.saved'));
    setConfirmed(false);
    if (!keepOnSuccess) setValues(blank());
  };

  const fieldErrors = (name: string) => errors.filter((e) => e.field === name);
  const inputId = (name: string) => `${id}-${name}`;
  return (
    <form className="objection-form publisher-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId} data-testid={`form-${id}`}>
      <h3 id={headingId}>{t(title)}</h3>
      <FormErrors title={t('publisher.form.refused')} errors={errors} />
      {done && (
        <p className="success" role="status" data-testid="form-done">
          {done}
        </p>
      )}
      {warnings.length > 0 && (
        <div className="hint" role="status" data-testid="form-warnings">
          <strong>{t('publisher.form.warnings')}</strong>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {spec.map((f) => {
        const own = fieldErrors(f.name);
        const describedBy =
          [f.hint ? `${inputId(f.name)}-hint` : '', own.length ? `${inputId(f.name)}-error` : ''].filter(Boolean).join(' ') || undefined;
        const common = {
          id: inputId(f.name),
          name: f.name,
          'aria-invalid': own.length > 0 || undefined,
          'aria-describedby': describedBy,
          'aria-required': f.required || undefined,
        };
        const set = (value: string) => setValues((v) => ({ ...v, [f.name]: value }));
        const value = values[f.name] ?? '';
        return (
          <div className={f.kind === 'textarea' || f.kind === 'rows' ? 'field field-wide' : 'field'} key={f.name}>
            {f.kind === 'flags' ? (
              <fieldset {...common}>
                <legend>{t(f.label)}</legend>
                {(f.options ?? []).map((o) => {
                  const ticked = value.split(',').filter(Boolean);
                  return (
                    <label key={o}>
                      <input
                        type="checkbox"
                        name={`${f.name}-${o}`}
                        checked={ticked.includes(o)}
                        onChange={(e) => set((e.target.checked ? [...ticked, o] : ticked.filter((x) => x !== o)).join(','))}
                      />{' '}
                      {te(f.enumName ?? '', o)}
                    </label>
                  );
                })}
              </fieldset>
            ) : f.kind === 'bool' ? (
              <label>
                <input type="checkbox" {...common} checked={value === 'true'} onChange={(e) => set(e.target.checked ? 'true' : '')} />{' '}
                {t(f.label)}
              </label>
            ) : (
              <label htmlFor={inputId(f.name)}>
                {t(f.label)}
                {f.kind === 'yuan' ? ` ${t('publisher.form.inYuan')}` : ''}
                {f.required ? ' *' : ''}
              </label>
            )}
            {(f.kind === 'textarea' || f.kind === 'rows') && (
              <textarea {...common} rows={5} maxLength={f.maxLength} value={value} onChange={(e) => set(e.target.value)} />
            )}
            {f.kind === 'enum' && (
              <select {...common} value={value} onChange={(e) => set(e.target.value)}>
                <option value="">{t('publisher.form.choose')}</option>
                {(f.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {f.optionLabel ? f.optionLabel(o) : te(f.enumName ?? '', o)}
                  </option>
                ))}
              </select>
            )}
            {['text', 'codes', 'yuan', 'int', 'date'].includes(f.kind) && (
              <input
                {...common}
                type={f.kind === 'date' ? 'date' : 'text'}
                inputMode={f.kind === 'yuan' ? 'decimal' : f.kind === 'int' ? 'numeric' : undefined}
                maxLength={f.maxLength}
                value={value}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {f.hint && (
              <p className="hint" id={`${inputId(f.name)}-hint`}>
                {t(f.hint)}
              </p>
            )}
            {own.length > 0 && (
              <p className="field-error" id={`${inputId(f.name)}-error`}>
                {own.map(describe).join(' ')}
              </p>
            )}
          </div>
        );
      })}
      {confirm && (
        <div className="field field-wide">
          <label>
            <input
              type="checkbox"
              name="confirm"
              checked={confirmed}
              aria-invalid={fieldErrors('confirm').length > 0 || undefined}
              onChange={(e) => setConfirmed(e.target.checked)}
            />{' '}
            {t(confirm)}
          </label>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          {result.fetching ? t('publisher.form.sending') : t(submit)}
        </button>
      </div>
    </form>
  );
}
