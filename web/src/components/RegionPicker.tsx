import { useEffect, useState } from 'react';
import { gql, useClient } from 'urql';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';

// Walks the administrative tree: province → city → county → township → village. The chosen region is a short
// statistical code whose prefixes are its ancestors ("451021" → 45, 4510, 451021), so no query is needed to show the
// chain of a region given in the URL.

const levelLengths = [2, 4, 6, 9, 12];
const levelLabels: MessageKey[] = ['region.province', 'region.city', 'region.county', 'region.township', 'region.village'];

interface RegionOption {
  shortCode: string;
  name: string;
}

interface Page {
  nodes: RegionOption[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const Provinces = gql<{ regions: Page }, { after: string | null }>`
  query PickerProvinces($after: String) {
    regions(first: 100, after: $after) {
      nodes { shortCode name }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const Children = gql<{ region: { children: Page } | null }, { code: string; after: string | null }>`
  query PickerChildren($code: String!, $after: String) {
    region(code: $code) {
      children(first: 100, after: $after) {
        nodes { shortCode name }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

/** The chain of short codes from the province down to the region. */
export function regionChain(code: string | null | undefined): string[] {
  if (!code) return [];
  return levelLengths.filter((length) => length <= code.length).map((length) => code.slice(0, length));
}

/** Every child of a region (or the provinces), fetched page by page. */
function useOptions(parent: string | null): { options: RegionOption[] | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ parent: string | null; options: RegionOption[] | null; error: string | null }>({
    parent,
    options: null,
    error: null,
  });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: RegionOption[] = [];
      let after: string | null = null;
      do {
        let page: Page | undefined;
        let error: string | undefined;
        if (parent === null) {
          const result = await client.query(Provinces, { after }).toPromise();
          page = result.data?.regions;
          error = result.error?.message;
        } else {
          const result = await client.query(Children, { code: parent, after }).toPromise();
          page = result.data?.region?.children;
          error = result.error?.message;
        }
        if (cancelled) return;
        if (!page) {
          setState({ parent, options: null, error: error ?? 'not found' });
          return;
        }
        all.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      setState({ parent, options: all, error: null });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, parent]);

  return state.parent === parent ? state : { options: null, error: null };
}

function LevelSelect({
  level,
  parent,
  value,
  onChange,
}: {
  level: number;
  parent: string | null;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  const { options, error } = useOptions(parent);
  const id = `region-level-${level}`;
  if (options && options.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t(levelLabels[level])}</label>
      <select
        id={id}
        value={value}
        disabled={!options}
        data-level={level}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{options ? t('region.any') : error ? t('query.error') : t('query.loading')}</option>
        {options?.map((o) => (
          <option key={o.shortCode} value={o.shortCode}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Region selects, one per level below the last chosen one; onChange gets the deepest chosen code, or null. */
export function RegionPicker({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useI18n();
  const chain = regionChain(value);
  const levels = Math.min(chain.length + 1, levelLengths.length);
  return (
    <fieldset className="region-picker" data-testid="region-picker">
      <legend>{t('region.picker')}</legend>
      {Array.from({ length: levels }, (_, level) => (
        <LevelSelect
          key={`${level}:${chain[level - 1] ?? ''}`}
          level={level}
          parent={level === 0 ? null : chain[level - 1]}
          value={chain[level] ?? ''}
          onChange={(code) => onChange(code || (level > 0 ? chain[level - 1] : null))}
        />
      ))}
    </fieldset>
  );
}
