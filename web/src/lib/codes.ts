// Record codes a person may type into a search box, and the page of the record each names: a search that is a code
// goes to its record rather than listing titles that contain it.

const pages: [RegExp, string][] = [
  [/^GS-\d{6}-\d{4}-\d{4}$/, 'notices'],
  [/^XM-\d{6}-\d{4}-\d{4}$/, 'projects'],
  [/^ZJ-\d{6}-\d{4}-\d{4}$/, 'funds'],
  [/^XQ-\d{6}-\d{4}-\d{4}$/, 'needs'],
  [/^YY-\d{6}-\d{4}-\d{4}$/, 'objections'],
  [/^ORG-\d+$/, 'organizations'],
  // A unified social credit code (GB 32100-2015): the organisation page finds an organisation by it too.
  [/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'organizations'],
  // A statistical division code of a county, township or village (12 digits, or the short form of 6 or 9); shorter
  // numbers are left to the search, which may be looking for a year.
  [/^(\d{6}|\d{9}|\d{12})$/, 'villages'],
];

/** The page of the record a search text names by its code (case and spaces aside), or null. */
export function recordPathOf(text: string | null | undefined): string | null {
  const code = (text ?? '').trim().toUpperCase();
  const page = pages.find(([pattern]) => pattern.test(code))?.[1];
  return page ? `/${page}/${encodeURIComponent(code)}` : null;
}
