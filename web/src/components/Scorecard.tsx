import { gql } from 'urql';
import { useI18n } from '../i18n';
import { fenToWanYuan, formatCount, formatYuan } from '../lib/format';
import { Chart } from './Chart';

// Pledge scorecards (what was pledged, confirmed, delivered and received, on time or not), shown when the API has them.

export const PledgeFiguresFields = gql`
  fragment PledgeFiguresFields on PledgeFigures {
    pledges
    confirmed
    delivered
    received
    completed
    cancelled
    lapsed
    onTime
    late
    onTimeSharePercent
    moneyPledged { yuan fen }
    moneyConfirmed { yuan fen }
    moneyDelivered { yuan fen }
    moneyReceived { yuan fen }
  }
`;

interface MoneyValue {
  yuan: string;
  fen: number;
}

export interface PledgeFigures {
  pledges: number;
  confirmed: number;
  delivered: number;
  received: number;
  completed: number;
  cancelled: number;
  lapsed: number;
  onTime: number;
  late: number;
  onTimeSharePercent: string | null;
  moneyPledged: MoneyValue;
  moneyConfirmed: MoneyValue;
  moneyDelivered: MoneyValue;
  moneyReceived: MoneyValue;
}

/** Money promised → confirmed → delivered → received, and the pledges' counts. */
export function FiguresCards({ figures }: { figures: PledgeFigures }) {
  const { t, tf, lang } = useI18n();
  const steps: [string, MoneyValue, number][] = [
    [t('scorecard.pledged'), figures.moneyPledged, figures.pledges],
    [t('scorecard.confirmed'), figures.moneyConfirmed, figures.confirmed],
    [t('scorecard.delivered'), figures.moneyDelivered, figures.delivered],
    [t('scorecard.received'), figures.moneyReceived, figures.received],
  ];
  return (
    <>
      <div className="cards" data-testid="scorecard">
        {steps.map(([label, money, count]) => (
          <div className="card" key={label}>
            <div className="card-label">{label}</div>
            <div className="card-value">{formatYuan(money.yuan)}</div>
            <div className="muted">{tf('scorecard.pledgeCount', { count: formatCount(count, lang) })}</div>
          </div>
        ))}
        <div className="card">
          <div className="card-label">{t('scorecard.onTime')}</div>
          <div className="card-value">{figures.onTimeSharePercent === null ? '—' : `${figures.onTimeSharePercent}%`}</div>
          <div className="muted">{tf('scorecard.onTimeDetail', { onTime: figures.onTime, late: figures.late })}</div>
        </div>
      </div>
      <p className="muted">{tf('scorecard.withdrawn', { cancelled: figures.cancelled, lapsed: figures.lapsed })}</p>
    </>
  );
}

/** Pledged against received money, one pair of bars per group (a year, a program or an organisation). */
export function FiguresChart({ label, groups }: { label: string; groups: { name: string; figures: PledgeFigures }[] }) {
  const { t } = useI18n();
  if (groups.length === 0) return null;
  return (
    <Chart
      label={label}
      height={Math.max(220, groups.length * 28)}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 56, containLabel: true },
        xAxis: { type: 'value', name: t('chart.wanYuan'), nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'category', data: groups.map((g) => g.name), inverse: true },
        series: [
          { type: 'bar', name: t('scorecard.pledged'), data: groups.map((g) => fenToWanYuan(g.figures.moneyPledged.fen)) },
          { type: 'bar', name: t('scorecard.received'), data: groups.map((g) => fenToWanYuan(g.figures.moneyReceived.fen)) },
        ],
      }}
    />
  );
}
