import { useI18n } from '../i18n';
import { yearOptions } from '../lib/format';

/** One choice of a filter select: the value sent to the API and the label shown. */
export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled select whose first option, "any", clears the filter. */
export function SelectFilter(props: {
  id: string;
  label: string;
  value: string | null | undefined;
  options: FilterOption[];
  onChange: (value: string | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
        <option value="">{t('filter.any')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A wide, labelled text search; the API caps search text at 100 characters. */
export function SearchFilter(props: {
  id: string;
  label: string;
  value: string | null | undefined;
  placeholder?: string;
  onChange: (value: string | null) => void;
}) {
  return (
    <div className="field field-wide">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="search"
        maxLength={100}
        value={props.value ?? ''}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value || null)}
      />
    </div>
  );
}

/** The submit button of a filter form, and a clear button when the form can be cleared. */
export function FilterActions(props: { submitLabel?: string; onClear?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="primary">
        {props.submitLabel ?? t('filter.apply')}
      </button>
      {props.onClear && (
        <button type="button" onClick={props.onClear}>
          {t('filter.clear')}
        </button>
      )}
    </div>
  );
}

/** Year choices for a select, newest first. */
export function yearFilterOptions(): FilterOption[] {
  return yearOptions().map((y) => ({ value: String(y), label: String(y) }));
}
