import { useState, type FormEvent } from 'react';
import { href, navigate, useLocation } from '../router';
import { recordPathOf } from './codes';

/**
 * A filter form backed by the address: `applied` are the filters in the URL (what the list shows), `draft` what the
 * form holds until it is submitted, which puts the draft in the URL. Changing the URL (back, a link) resets the draft.
 */
export function useUrlFilters<Name extends string>(path: string, names: readonly Name[]) {
  const { query } = useLocation();
  const applied = Object.fromEntries(names.map((name) => [name, query.get(name)])) as Record<Name, string | null>;
  const key = JSON.stringify(applied);
  const [form, setForm] = useState({ key, values: applied });
  const draft = form.key === key ? form.values : applied;
  return {
    applied,
    draft,
    update: (change: Partial<Record<Name, string | null>>) => setForm({ key, values: { ...draft, ...change } }),
    submit: (e: FormEvent) => {
      e.preventDefault();
      // A record's code typed as the search goes to that record.
      const record = recordPathOf(draft['search' as Name]);
      if (record) {
        navigate(record);
        return;
      }
      const values = Object.fromEntries(names.map((name) => [name, draft[name]?.trim() || null]));
      navigate(href(path, values));
    },
    clear: () => navigate(path),
  };
}
