// Display helpers. Amounts arrive as exact decimal strings ("1234.50"); they are grouped as text, never turned into
// floats, so what is shown is exactly what the API published.

/** "1234567.50" → "¥1,234,567.50". */
export function formatYuan(yuan: string | null | undefined): string {
  if (yuan == null) return '—';
  const negative = yuan.startsWith('-');
  const [whole, fraction = '00'] = (negative ? yuan.slice(1) : yuan).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${fraction.padEnd(2, '0')}`;
}

/** Fen as yuan (for sums computed in the browser from integer fen). */
export function fenToYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Fen in units of 10,000 yuan (万元) for chart axes: approximate by nature, labelled as such. */
export function fenToWanYuan(fen: number): number {
  return Math.round(fen / 100 / 10_000 * 100) / 100;
}

export function formatCount(value: number | null | undefined, lang: string): string {
  return value == null ? '—' : new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(value);
}

/** The day of an ISO timestamp in Beijing time, the records' own time zone: objections keep days, never times. */
export function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** yyyy-MM-dd plus some days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in Beijing, as the API dates deliveries. */
export function today(): string {
  return dayOf(new Date().toISOString());
}

/** The years offered by year filters: from the first poverty-alleviation notices to this year, newest first. */
export function yearOptions(): number[] {
  const years: number[] = [];
  for (let year = Number(today().slice(0, 4)); year >= 2013; year--) years.push(year);
  return years;
}

/** A statistical code's official short form: 2, 4, 6, 9 or 12 digits. */
export function shortCode(code: string): string {
  if (code.length !== 12) return code;
  if (code.endsWith('0000000000')) return code.slice(0, 2);
  if (code.endsWith('00000000')) return code.slice(0, 4);
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}
