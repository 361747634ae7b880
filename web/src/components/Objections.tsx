import { useState, type FormEvent } from 'react';
import { gql, useMutation, useQuery } from 'urql';
import { useI18n } from '../i18n';
import type { ApiErrorLike } from '../i18n/errors';
import { ErrorList, FieldError, fieldErrorId } from './Errors';
import { Query } from './Query';
import { Link } from '../router';

// Objections to a notice and the form to file one (or a misuse report, about a region without a notice). The notice page renders these only when the API has them
// (useHasField), so the documents below are never sent to an API without objections.

interface Objection {
  code: string;
  category: string;
  status: string;
  description: string | null;
  descriptionHiddenReason: string | null;
  filedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

const NoticeObjections = gql<{ objections: { totalCount: number; nodes: Objection[] } }, { notice: string }>`
  query NoticeObjections($notice: String!) {
    objections(notice: $notice, first: 50) {
      totalCount
      nodes { code category status description descriptionHiddenReason filedAt answer answeredAt }
    }
  }
`;

const Categories = gql<{ __type: { enumValues: { name: string }[] | null } | null }>`
  query ObjectionCategories {
    __type(name: "ObjectionCategory") {
      enumValues { name }
    }
  }
`;

interface FileObjectionResult {
  fileObjection: { objection: { code: string; status: string } | null; errors: ApiErrorLike[] };
}

/** Errors of these fields show under them, not in the form's alert. */
const inlineFields = ['description', 'contactPhone'];

const FileObjection = gql<FileObjectionResult, { input: Record<string, string | null> }>`
  mutation FileObjection($input: FileObjectionInput!) {
    fileObjection(input: $input) {
      objection { code status }
      errors { code message field params { name value } }
    }
  }
`;

export function Objections({ notice }: { notice: string }) {
  const { t, te, formatDateTime } = useI18n();
  return (
    <Query query={NoticeObjections} variables={{ notice }} refetchOn={['Objection']}>
      {({ objections }) =>
        objections.nodes.length === 0 ? (
          <p className="muted" data-testid="objections-empty">
            {t('objections.none')}
          </p>
        ) : (
          <ul className="record-list" data-testid="objections">
            {objections.nodes.map((o) => (
              <li key={o.code} data-code={o.code}>
                <div className="meta">
                  <Link to={`/objections/${encodeURIComponent(o.code)}`} className="code">
                    {o.code}
                  </Link>
                  <span className="badge">{te('ObjectionCategory', o.category)}</span>
                  <span className="badge">{te('ObjectionStatus', o.status)}</span>
                  {/* A day only: the time of filing is never kept. */}
                  <span>{o.filedAt}</span>
                </div>
                {o.description === null ? (
                  <p className="muted" data-testid="objection-hidden">
                    {t('objections.hidden')} {o.descriptionHiddenReason}
                  </p>
                ) : (
                  <p>{o.description}</p>
                )}
                {o.answer && (
                  <p className="answer">
                    <strong>{t('objections.answer')}</strong> {o.answer}
                    {o.answeredAt && <span className="muted"> ({formatDateTime(o.answeredAt)})</span>}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )
      }
    </Query>
  );
}

/**
 * The form to object to a notice, or, given a region instead, to report a misuse of funds there without a notice
 * (a misuse report). Either way the objection gets a public code and a page of its own.
 */
export function ObjectionForm({ notice, region }: { notice: string; region?: never } | { region: string; notice?: never }) {
  const { t, te } = useI18n();
  const [categories] = useQuery({ query: Categories });
  const [result, fileObjection] = useMutation(FileObjection);
  const [form, setForm] = useState({ category: '', description: '', contactName: '', contactPhone: '' });
  const [filed, setFiled] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await fileObjection(
      {
        input: {
          notice: notice ?? null,
          region: region ?? null,
          category: form.category,
          description: form.description,
          contactName: form.contactName || null,
          contactPhone: form.contactPhone || null,
        },
      },
      // Refetch what lists objections, so that the new one shows at once.
      { additionalTypenames: ['Objection'] },
    );
    const payload = outcome.data?.fileObjection;
    if (payload?.objection) {
      setFiled(payload.objection.code);
      setForm({ category: '', description: '', contactName: '', contactPhone: '' });
    }
  };

  const payloadErrors = result.data?.fileObjection.errors ?? [];
  const options = categories.data?.__type?.enumValues?.map((v) => v.name) ?? [];
  return (
    <form className="objection-form" onSubmit={submit} data-testid="objection-form">
      <p>{t(notice ? 'objection.intro' : 'objection.misuseIntro')}</p>
      {filed && (
        <p className="success" role="status" data-testid="objection-filed">
          {t('objection.filed')} <Link to={`/objections/${encodeURIComponent(filed)}`} className="code">{filed}</Link> {t('objection.followUp')}
        </p>
      )}
      <ErrorList title={t('objection.failed')} error={result.error} />
      <ErrorList title={t('objection.refused')} errors={payloadErrors} inline={inlineFields} />
      <div className="field">
        <label htmlFor="objection-category">{t('objection.category')}</label>
        <select
          id="objection-category"
          required
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.target.value })}
        >
          <option value="">{t('objection.chooseCategory')}</option>
          {options.map((c) => (
            <option key={c} value={c}>
              {te('ObjectionCategory', c)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-wide">
        <label htmlFor="objection-description">{t('objection.description')}</label>
        <textarea
          id="objection-description"
          required
          maxLength={4000}
          rows={5}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
          aria-invalid={payloadErrors.some((e) => e.field === 'description') || undefined}
          aria-describedby={fieldErrorId('description')}
        />
        <FieldError field="description" errors={payloadErrors} />
        <p className="hint">{t('objection.descriptionHint')}</p>
      </div>
      <fieldset>
        <legend>{t('objection.contact')}</legend>
        <p className="hint">{t('objection.contactHint')}</p>
        <div className="field">
          <label htmlFor="objection-contact-name">{t('objection.contactName')}</label>
          <input id="objection-contact-name" maxLength={100} value={form.contactName} onChange={(e) => setForm({ ...form, contactName: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="objection-contact-phone">{t('objection.contactPhone')}</label>
          <input
            id="objection-contact-phone"
            type="tel"
            maxLength={30}
            value={form.contactPhone}
            onChange={(e) => setForm({ ...form, contactPhone: e.target.value })}
            aria-invalid={payloadErrors.some((e) => e.field === 'contactPhone') || undefined}
            aria-describedby={fieldErrorId('contactPhone')}
          />
          <FieldError field="contactPhone" errors={payloadErrors} />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          {result.fetching ? t('objection.sending') : t('objection.submit')}
        </button>
      </div>
    </form>
  );
}
