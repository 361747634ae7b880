import { useI18n } from '../i18n';
import { formatCount, formatYuan } from '../lib/format';

// The figures of a microcredit (扶贫小额信贷) year as table cells, the same on a region's page and in the reports.

export interface MicrocreditFigures {
  loansIssuedCount: number;
  loansIssued: { yuan: string };
  outstandingBalance: { yuan: string };
  overdue: { yuan: string };
  overdueRatePercent: string;
  interestSubsidy: { yuan: string };
  riskCompensationFund: { yuan: string };
}

/** The headings of the cells below, in their order. */
export function useMicrocreditHead(): string[] {
  const { t } = useI18n();
  return [
    t('microcredit.loansCount'),
    t('microcredit.loans'),
    t('microcredit.balance'),
    t('microcredit.overdue'),
    t('microcredit.overdueRate'),
    t('microcredit.subsidy'),
    t('microcredit.riskFund'),
  ];
}

export function MicrocreditCells({ figures: m }: { figures: MicrocreditFigures }) {
  const { lang } = useI18n();
  return (
    <>
      <td className="number">{formatCount(m.loansIssuedCount, lang)}</td>
      <td className="number">{formatYuan(m.loansIssued.yuan)}</td>
      <td className="number">{formatYuan(m.outstandingBalance.yuan)}</td>
      <td className="number">{formatYuan(m.overdue.yuan)}</td>
      <td className="number">{m.overdueRatePercent}%</td>
      <td className="number">{formatYuan(m.interestSubsidy.yuan)}</td>
      <td className="number">{formatYuan(m.riskCompensationFund.yuan)}</td>
    </>
  );
}
