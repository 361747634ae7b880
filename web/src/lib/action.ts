import { useCallback, useMemo, useState } from 'react';
import { useMutation, type AnyVariables, type DocumentInput } from 'urql';
import { mutationErrors, type PayloadError } from '../components/FormErrors';
import { formCheck } from '../i18n/errors';

type Payload = { errors: PayloadError[] };

/**
 * Record types a workspace mutation may change, so that every cached query showing one refetches: a Publisher who
 * records a village's checklist then opens the village page sees it. Region covers every place's page and its yearly
 * figures, even where the query held none of them before.
 */
export const changedTypes = [
  'Need',
  'Pledge',
  'PledgeDelivery',
  'Objection',
  'ContactRead',
  'OrganizationScorecard',
  'Region',
  'Notice',
  'Fund',
  'FundAllocation',
  'Transaction',
  'Project',
  'Program',
  'Pairing',
  'Organization',
  'Exit',
  'WorkTeam',
];

/**
 * A workspace mutation `name(input:)`: run() checks the form first (the errors a check found stop it), then sends
 * it; it returns the payload when nothing was refused. errors holds what the check or the API said.
 */
export function useAction<Data extends Record<string, Payload | undefined>, Input extends object>(
  document: DocumentInput<Data, { input: Input }>,
  name: keyof Data & string,
) {
  const [result, execute] = useMutation<Data, { input: Input } & AnyVariables>(document);
  const [checked, setChecked] = useState<PayloadError[]>([]);
  const run = useCallback(
    async (input: Input, problems: PayloadError[] = []) => {
      setChecked(problems);
      if (problems.length > 0) return null;
      const outcome = await execute({ input }, { additionalTypenames: changedTypes, requestPolicy: 'network-only' });
      const payload = outcome.data?.[name];
      return payload && payload.errors.length === 0 ? payload : null;
    },
    [execute, name],
  );
  const refused = result.data?.[name]?.errors;
  const errors = useMemo(() => (checked.length > 0 ? checked : mutationErrors(refused, result.error)), [checked, refused, result.error]);
  return { run, errors, fetching: result.fetching };
}

/** The form checks the API makes of a public text: required, at most max characters (after trimming). */
export function checkText(value: string, max: number, wording: { required: string; tooLong: string }): PayloadError[] {
  const length = value.trim().length;
  if (length === 0) return [{ code: formCheck, message: wording.required, field: null }];
  if (length > max) return [{ code: formCheck, message: wording.tooLong.replace('{max}', String(max)), field: null }];
  return [];
}
