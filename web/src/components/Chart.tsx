import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

type Option = Record<string, unknown>;

const fontFamily = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';

/**
 * An ECharts chart, loaded on demand (the library is a chunk of its own). The chart is an image for assistive
 * technology, so callers pass a label and show the same numbers in a table (see <ChartTable>).
 */
export function Chart({ option, label, height = 280 }: { option: Option; label: string; height?: number }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(option);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    import('../lib/echarts')
      .then(({ echarts }) => {
        if (disposed || !element.current) return;
        const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
        chart.setOption({ textStyle: { fontFamily }, animation: false, ...(JSON.parse(key) as Option) });
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(element.current);
        dispose = () => {
          observer.disconnect();
          chart.dispose();
        };
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      dispose();
    };
  }, [key]);

  if (failed) return <p className="muted">{t('chart.failed')}</p>;
  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} data-testid="chart" />;
}
