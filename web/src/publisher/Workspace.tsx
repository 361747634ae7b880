import { useState, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { Query } from '../components/Query';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { Link, navigate, pathParam } from '../router';
import * as doc from './documents';
import { FormErrors, type PayloadError } from '../components/FormErrors';
import { MutationForm, useEnums, withEnum, type FieldSpec } from './MutationForm';
import { addDays } from '../lib/format';
import { changedTypes } from '../lib/action';
import { useRoleGrant, WorkspaceTabs } from '../pages/work/common';
import { publisherPath } from '../pages/work/paths';

export const publisherRole = 'Publisher';

const tabs: [string, MessageKey][] = [
  ['', 'publisher.tab.queue'],
  ['/notices', 'publisher.tab.notices'],
  ['/funds', 'publisher.tab.funds'],
  ['/projects', 'publisher.tab.projects'],
  ['/villages', 'publisher.tab.villages'],
  ['/exits', 'publisher.tab.exits'],
  ['/assets', 'publisher.tab.assets'],
  ['/needs', 'publisher.tab.needs'],
];

// Objections are answered within 60 days of filing (ObjectionRules.ResponseDeadlineDays); the queue shows the day.
const objectionResponseDays = 60;

/** The Publisher workspace at #/work/publisher/…: what waits, and a form for each of the Publisher's mutations. */
export function PublisherWorkspace({ path }: { path: string }) {
  const { t } = useI18n();
  // Acts for the person's Publisher grant (the one chosen where they hold several), not their first grant of any role.
  const { grant, choice } = useRoleGrant(publisherRole);
  if (!grant) {
    return (
      <section>
        <h1>{t('publisher.title')}</h1>
        <p className="hint">{t('publisher.signInHint')}</p>
      </section>
    );
  }
  const { region, organization } = grant;
  const sub = path.slice(publisherPath.length);
  const draft = pathParam(sub, '/notices/');
  const tab = draft ? '/notices' : sub;
  return (
    <section data-testid="publisher-workspace">
      <h1>{t('publisher.title')}</h1>
      <p className="muted">
        {t('publisher.region')} {grant.regionName} <span className="code">{region ?? '—'}</span> · {t('publisher.organization')}{' '}
        {grant.organizationName} <span className="code">{organization ?? '—'}</span>
      </p>
      {choice}
      <WorkspaceTabs base={publisherPath} tabs={tabs} current={tab} label="publisher.tabs" />
      {!region ? (
        <p className="hint">{t('publisher.noRegion')}</p>
      ) : draft ? (
        <DraftPreview code={draft} />
      ) : (
        <Tab tab={tab} region={region} organization={organization} />
      )}
    </section>
  );
}

function Tab({ tab, region, organization }: { tab: string; region: string; organization: string | null }): ReactNode {
  switch (tab) {
    case '':
      return <Queue region={region} />;
    case '/notices':
      return <Notices region={region} />;
    case '/funds':
      return <Funds region={region} />;
    case '/projects':
      return <Projects region={region} organization={organization} />;
    case '/villages':
      return <Villages region={region} />;
    case '/exits':
      return <Exits region={region} organization={organization} />;
    case '/needs':
      return <Needs region={region} />;
    case '/assets':
      return <Assets region={region} />;
    default:
      return null;
  }
}

/** A button that sends one mutation for a record (submit a need, confirm a receipt) and shows its refusal. */
function ActionButton({
  mutation,
  field,
  input,
  label,
  onDone,
  primary,
}: {
  mutation: typeof doc.SubmitNeed | typeof doc.ConfirmReceipt | typeof doc.ConfirmPledge | typeof doc.PublishNotice | typeof doc.CloseNeed;
  field: string;
  input: Record<string, unknown>;
  label: string;
  onDone?: (payload: Record<string, unknown>) => void;
  primary?: boolean;
}) {
  const { t } = useI18n();
  const [result, send] = useMutation(mutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const run = async () => {
    const outcome = await send({ input }, { additionalTypenames: changedTypes });
    const payload = (outcome.data as Record<string, (doc.Payload & Record<string, unknown>) | undefined> | undefined)?.[field];
    const refused = outcome.error ? [{ code: 'REQUEST', field: null, message: outcome.error.message }] : (payload?.errors ?? []);
    setErrors(refused);
    if (payload && refused.length === 0) onDone?.(payload);
  };
  return (
    <>
      <button type="button" className={primary ? 'primary' : undefined} onClick={run} disabled={result.fetching}>
        {result.fetching ? t('publisher.form.sending') : label}
      </button>
      <FormErrors title={t('publisher.form.refused')} errors={errors} />
    </>
  );
}

function Queue({ region }: { region: string }) {
  const { t, te } = useI18n();
  return (
    <Query query={doc.PublisherQueue} variables={{ region }} refetchOn={['Notice', 'Need', 'Pledge', 'PledgeDelivery']}>
      {({ noticeDrafts, needs, toConfirm: { nodes: toConfirm }, toReceive, received, investigating }) => {
        const deliveries = toReceive.nodes.flatMap((p) =>
          p.deliveries.filter((d) => !d.isReceived).map((d) => ({ pledge: p, delivery: d })),
        );
        // Misuse reports have no notice; the queue lists objections to the region's notices.
        const open = [...received.nodes, ...investigating.nodes].filter((o) => o.notice);
        return (
          <div data-testid="publisher-queue">
            <h2>{t('publisher.queue.drafts')}</h2>
            {noticeDrafts.nodes.length === 0 ? (
              <p className="muted">{t('publisher.queue.none')}</p>
            ) : (
              <ul className="record-list" data-testid="queue-drafts">
                {noticeDrafts.nodes.map((n) => (
                  <li key={n.code}>
                    <Link to={`${publisherPath}/notices/${encodeURIComponent(n.code)}`}>{n.title}</Link>{' '}
                    <span className="code">{n.code}</span> <span className="badge">{te('NoticeKind', n.kind)}</span> {n.region.name}
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('publisher.queue.needs')}</h2>
            {needs.nodes.length === 0 ? <p className="muted">{t('publisher.queue.none')}</p> : <NeedDrafts needs={needs.nodes} />}
            <h2>{t('publisher.queue.pledges')}</h2>
            {toConfirm.length === 0 ? (
              <p className="muted">{t('publisher.queue.none')}</p>
            ) : (
              <ul className="record-list">
                {toConfirm.map((p) => (
                  <li key={p.code} data-testid="pledge-to-agree" data-code={p.code}>
                    <span className="code">{p.code}</span> {p.organization.name} → {p.region.name} · {t('publisher.queue.confirmBy')}{' '}
                    {p.confirmBy}{' '}
                    <ActionButton
                      mutation={doc.ConfirmPledge}
                      field="confirmPledge"
                      input={{ pledge: p.code }}
                      label={t('publisher.queue.confirmPledge')}
                    />
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('publisher.queue.deliveries')}</h2>
            {deliveries.length === 0 ? (
              <p className="muted">{t('publisher.queue.none')}</p>
            ) : (
              <ul className="record-list" data-testid="queue-deliveries">
                {deliveries.map(({ pledge, delivery }) => (
                  <li key={delivery.id} data-testid="delivery-to-receive" data-code={pledge.code}>
                    <span className="code">{pledge.code}</span> {pledge.organization.name} → {pledge.region.name} · {delivery.deliveredOn} ·{' '}
                    {delivery.quantity.money
                      ? `¥${delivery.quantity.money.yuan}`
                      : `${delivery.quantity.quantity} ${delivery.quantity.unit}`}{' '}
                    · {delivery.evidence}{' '}
                    <ActionButton
                      mutation={doc.ConfirmReceipt}
                      field="confirmReceipt"
                      input={{ delivery: delivery.id }}
                      label={t('publisher.queue.confirmReceipt')}
                    />
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('publisher.queue.objections')}</h2>
            {open.length === 0 ? (
              <p className="muted">{t('publisher.queue.none')}</p>
            ) : (
              <ul className="record-list" data-testid="queue-objections">
                {open.map((o) => (
                  <li key={o.code}>
                    <span className="code">{o.code}</span> <span className="badge">{te('ObjectionStatus', o.status)}</span>{' '}
                    <Link to={`/notices/${encodeURIComponent(o.notice!.code)}`}>{o.notice!.title}</Link> · {t('publisher.queue.filed')}{' '}
                    {o.filedAt} · {t('publisher.queue.answerBy')} {addDays(o.filedAt, objectionResponseDays)}
                    {o.isOverdue && <span className="badge badge-warn"> {t('publisher.queue.overdue')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      }}
    </Query>
  );
}

function NeedDrafts({ needs }: { needs: { code: string; title: string; status: string; region: { name: string } }[] }) {
  const { t, te } = useI18n();
  return (
    <ul className="record-list" data-testid="queue-needs">
      {needs.map((n) => (
        <li key={n.code} data-code={n.code}>
          <Link to={`/needs/${encodeURIComponent(n.code)}`}>{n.title}</Link> <span className="code">{n.code}</span> {n.region.name}{' '}
          <span className="badge">{te('NeedStatus', n.status)}</span>{' '}
          <ActionButton mutation={doc.SubmitNeed} field="submitNeed" input={{ need: n.code }} label={t('publisher.needs.submit')} />
        </li>
      ))}
    </ul>
  );
}

const noticeText: FieldSpec[] = [
  { name: 'title', label: 'publisher.notice.title', kind: 'text', required: true, maxLength: 300 },
  { name: 'body', label: 'publisher.notice.body', kind: 'textarea', required: true, maxLength: 20000, hint: 'publisher.notice.bodyHint' },
  { name: 'decidedOn', label: 'publisher.notice.decidedOn', kind: 'date', required: true, hint: 'publisher.notice.decidedOnHint' },
  { name: 'noticePeriodDays', label: 'publisher.notice.period', kind: 'int', min: 10, max: 365, hint: 'publisher.notice.periodHint' },
  {
    name: 'localSupervisionPhone',
    label: 'publisher.notice.phone',
    kind: 'text',
    required: true,
    maxLength: 20,
    hint: 'publisher.notice.phoneHint',
  },
];

function Notices({ region }: { region: string }) {
  const { t } = useI18n();
  const enums = useEnums('NoticeKind');
  const draftSpec: FieldSpec[] = [
    withEnum({ name: 'kind', label: 'publisher.notice.kind', kind: 'enum', enumName: 'NoticeKind', required: true }, enums),
    { name: 'region', label: 'publisher.field.region', kind: 'text', required: true, maxLength: 12, hint: 'publisher.field.regionHint' },
    ...noticeText,
    { name: 'funds', label: 'publisher.notice.funds', kind: 'codes', hint: 'publisher.field.codesHint' },
    { name: 'projects', label: 'publisher.notice.projects', kind: 'codes', hint: 'publisher.field.codesHint' },
  ];
  return (
    <>
      <h2>{t('publisher.tab.notices')}</h2>
      <MutationForm<doc.Payload & { notice: { code: string } | null }>
        id="draft-notice"
        title="publisher.notice.draft"
        spec={draftSpec}
        initial={{ region }}
        mutation={doc.DraftNotice}
        field="draftNotice"
        submit="publisher.notice.saveDraft"
        onDone={(p) => {
          if (p.notice) navigate(`${publisherPath}/notices/${encodeURIComponent(p.notice.code)}`);
        }}
      />
      <MutationForm
        id="supersede-notice"
        title="publisher.notice.correct"
        spec={[
          { name: 'notice', label: 'publisher.notice.published', kind: 'text', required: true, maxLength: 32 },
          { name: 'reason', label: 'publisher.notice.reason', kind: 'textarea', required: true, maxLength: 1000 },
          ...noticeText,
          { name: 'funds', label: 'publisher.notice.funds', kind: 'codes', hint: 'publisher.notice.sameSubjects' },
          { name: 'projects', label: 'publisher.notice.projects', kind: 'codes', hint: 'publisher.notice.sameSubjects' },
        ]}
        mutation={doc.SupersedeNotice}
        field="supersedeNotice"
        submit="publisher.notice.publishCorrection"
      />
      <MutationForm
        id="withdraw-notice"
        title="publisher.notice.withdraw"
        spec={[
          { name: 'notice', label: 'publisher.notice.published', kind: 'text', required: true, maxLength: 32 },
          { name: 'reason', label: 'publisher.notice.reason', kind: 'textarea', required: true, maxLength: 1000 },
        ]}
        mutation={doc.WithdrawNotice}
        field="withdrawNotice"
        submit="publisher.notice.withdrawSubmit"
      />
      <RegionList region={region} show="notices" />
    </>
  );
}

/** A draft before publication: the lateness and notice-period checks the API computes for today, the edit form, publish. */
function DraftPreview({ code }: { code: string }) {
  const { t, tf, te } = useI18n();
  const [published, setPublished] = useState<string | null>(null);
  if (published) {
    return (
      <p className="success" role="status" data-testid="notice-published">
        {t('publisher.notice.publishedAs')} <Link to={`/notices/${encodeURIComponent(published)}`}>{published}</Link>
      </p>
    );
  }
  return (
    <Query query={doc.PublicationCheck} variables={{ notice: code }} refetchOn={['Notice']}>
      {({ noticePublicationCheck: check }) => {
        if (!check) return <p>{t('publisher.notice.noDraft')}</p>;
        const n = check.notice;
        return (
          <article data-testid="draft-preview">
            <h2>{tf('publisher.notice.preview', { code: n.code })}</h2>
            <div className="notice-preview">
              <h3>{n.title}</h3>
              <div className="meta">
                <span className="badge">{te('NoticeKind', n.kind)}</span> {n.region.name} · {t('publisher.notice.decidedOn')} {n.decidedOn}
              </div>
              <p style={{ whiteSpace: 'pre-wrap' }}>{n.body}</p>
            </div>
            <h3>{t('publisher.check.title')}</h3>
            <dl className="publication-check" data-testid="publication-check">
              <dt>{t('publisher.check.publishedOn')}</dt>
              <dd>{check.publishedOn}</dd>
              <dt>{t('publisher.check.onTimeUntil')}</dt>
              <dd>{check.onTimeUntil}</dd>
              <dt>{t('publisher.check.lateness')}</dt>
              <dd data-testid="check-lateness" className={check.isLate ? 'warning' : undefined}>
                {check.isLate ? tf('publisher.check.late', { days: check.workingDaysLate }) : t('publisher.check.onTime')}
              </dd>
              <dt>{t('publisher.check.period')}</dt>
              <dd data-testid="check-period">
                {check.noticePeriodDays === null
                  ? t('publisher.check.noPeriod')
                  : tf('publisher.check.periodEnds', { days: check.noticePeriodDays, end: check.noticePeriodEndsOn ?? '—' })}
              </dd>
            </dl>
            <ActionButton
              mutation={doc.PublishNotice}
              field="publishNotice"
              input={{ notice: n.code }}
              label={t('publisher.notice.publish')}
              primary
              onDone={(p) => setPublished((p.notice as { code: string }).code)}
            />
            <MutationForm
              key={n.code}
              id="update-draft"
              title="publisher.notice.edit"
              spec={noticeText}
              fixed={{ notice: n.code }}
              initial={{
                title: n.title,
                body: n.body,
                decidedOn: n.decidedOn,
                noticePeriodDays: n.noticePeriodDays === null ? '' : String(n.noticePeriodDays),
                localSupervisionPhone: n.localSupervisionPhone ?? '',
              }}
              keepOnSuccess
              mutation={doc.UpdateDraftNotice}
              field="updateDraftNotice"
              submit="publisher.notice.saveDraft"
            />
          </article>
        );
      }}
    </Query>
  );
}

function Funds({ region }: { region: string }) {
  const { t } = useI18n();
  const enums = useEnums('FundLevel', 'FundSourceType', 'TransactionKind');
  return (
    <>
      <h2>{t('publisher.tab.funds')}</h2>
      <MutationForm<doc.Payload & { fund: { code: string } | null }>
        id="create-fund"
        title="publisher.fund.create"
        spec={[
          { name: 'name', label: 'publisher.fund.name', kind: 'text', required: true, maxLength: 200 },
          { name: 'documentNumber', label: 'publisher.fund.documentNumber', kind: 'text', required: true, maxLength: 100 },
          withEnum(
            { name: 'sourceType', label: 'publisher.fund.sourceType', kind: 'enum', enumName: 'FundSourceType', required: true },
            enums,
          ),
          withEnum({ name: 'level', label: 'publisher.fund.level', kind: 'enum', enumName: 'FundLevel', required: true }, enums),
          { name: 'fiscalYear', label: 'publisher.field.fiscalYear', kind: 'int', required: true, min: 2000, max: 2100 },
          {
            name: 'amountFen',
            label: 'publisher.fund.ownAmount',
            kind: 'yuan',
            required: true,
            min: 0,
            hint: 'publisher.fund.ownAmountHint',
          },
          { name: 'integratedPool', label: 'publisher.fund.integratedPool', kind: 'bool' },
          {
            name: 'region',
            label: 'publisher.field.region',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.field.regionHint',
          },
          { name: 'purpose', label: 'publisher.fund.purpose', kind: 'textarea', required: true, maxLength: 2000 },
          { name: 'decidedOn', label: 'publisher.field.decidedOn', kind: 'date', required: true },
        ]}
        initial={{ region }}
        mutation={doc.CreateFund}
        field="createFund"
        submit="publisher.fund.createSubmit"
        onDone={(p) => p.fund && `${t('publisher.form.saved')} ${p.fund.code}`}
      />
      <MutationForm
        id="transfer-fund"
        title="publisher.fund.transfer"
        spec={[
          { name: 'fund', label: 'publisher.fund.transferFrom', kind: 'text', required: true, maxLength: 32 },
          {
            name: 'toFund',
            label: 'publisher.fund.transferTo',
            kind: 'text',
            required: true,
            maxLength: 32,
            hint: 'publisher.fund.transferToHint',
          },
          { name: 'amountFen', label: 'publisher.field.amount', kind: 'yuan', required: true, min: 1 },
          { name: 'date', label: 'publisher.fund.date', kind: 'date', required: true },
        ]}
        mutation={doc.TransferFund}
        field="transferFund"
        submit="publisher.fund.transferSubmit"
      />
      <MutationForm
        id="allocate-fund"
        title="publisher.fund.allocate"
        spec={[
          { name: 'fund', label: 'publisher.field.fund', kind: 'text', required: true, maxLength: 32 },
          { name: 'project', label: 'publisher.field.project', kind: 'text', required: true, maxLength: 32 },
          { name: 'amountFen', label: 'publisher.field.amount', kind: 'yuan', required: true, min: 1 },
          { name: 'decidedOn', label: 'publisher.field.decidedOn', kind: 'date', required: true },
        ]}
        mutation={doc.AllocateFund}
        field="allocateFund"
        submit="publisher.fund.allocateSubmit"
      />
      <MutationForm
        id="record-transaction"
        title="publisher.fund.transaction"
        spec={[
          { name: 'project', label: 'publisher.field.project', kind: 'text', required: true, maxLength: 32 },
          { name: 'fund', label: 'publisher.field.fundOptional', kind: 'text', maxLength: 32 },
          withEnum(
            { name: 'kind', label: 'publisher.fund.kind', kind: 'enum', enumName: 'TransactionKind', required: true },
            { TransactionKind: enums.TransactionKind.filter((k) => k !== 'PLEDGE') },
          ),
          { name: 'amountFen', label: 'publisher.field.amount', kind: 'yuan', required: true, min: 1 },
          { name: 'date', label: 'publisher.fund.date', kind: 'date', required: true },
          { name: 'description', label: 'publisher.fund.description', kind: 'textarea', required: true, maxLength: 1000 },
          {
            name: 'providerRegion',
            label: 'publisher.fund.providerRegion',
            kind: 'text',
            maxLength: 12,
            hint: 'publisher.fund.providerRegionHint',
          },
        ]}
        mutation={doc.RecordTransaction}
        field="recordTransaction"
        submit="publisher.fund.transactionSubmit"
      />
      <RegionList region={region} show="funds" />
    </>
  );
}

function Projects({ region, organization }: { region: string; organization: string | null }) {
  const { t } = useI18n();
  const enums = useEnums('ProjectCategory', 'ProjectStatus');
  return (
    <>
      <h2>{t('publisher.tab.projects')}</h2>
      <MutationForm<doc.Payload & { project: { code: string } | null }>
        id="create-project"
        title="publisher.project.create"
        spec={[
          { name: 'name', label: 'publisher.project.name', kind: 'text', required: true, maxLength: 200 },
          withEnum(
            { name: 'category', label: 'publisher.project.category', kind: 'enum', enumName: 'ProjectCategory', required: true },
            enums,
          ),
          {
            name: 'region',
            label: 'publisher.field.region',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.field.regionHint',
          },
          { name: 'fiscalYear', label: 'publisher.field.fiscalYear', kind: 'int', required: true, min: 2000, max: 2100 },
          { name: 'budgetFen', label: 'publisher.project.budget', kind: 'yuan', required: true, min: 1 },
          { name: 'plannedStart', label: 'publisher.project.plannedStart', kind: 'date', required: true },
          { name: 'plannedEnd', label: 'publisher.project.plannedEnd', kind: 'date', required: true },
          { name: 'implementingOrganization', label: 'publisher.project.implementer', kind: 'text', required: true, maxLength: 32 },
          {
            name: 'responsibleRole',
            label: 'publisher.project.responsibleRole',
            kind: 'text',
            required: true,
            maxLength: 100,
            hint: 'publisher.project.responsibleRoleHint',
          },
          { name: 'description', label: 'publisher.project.description', kind: 'textarea', required: true, maxLength: 4000 },
          {
            name: 'targets',
            label: 'publisher.project.targets',
            kind: 'rows',
            hint: 'publisher.project.targetsHint',
            columns: [
              { name: 'indicator', label: 'publisher.project.indicator', kind: 'text', maxLength: 200 },
              { name: 'baseline', label: 'publisher.project.baseline', kind: 'decimal' },
              { name: 'target', label: 'publisher.project.target', kind: 'decimal' },
              { name: 'unit', label: 'publisher.project.unit', kind: 'text', maxLength: 20 },
            ],
          },
        ]}
        initial={{ region, implementingOrganization: organization ?? '' }}
        mutation={doc.CreateProject}
        field="createProject"
        submit="publisher.project.createSubmit"
        onDone={(p) => p.project && `${t('publisher.form.saved')} ${p.project.code}`}
      />
      <MutationForm
        id="move-project"
        title="publisher.project.move"
        spec={[
          { name: 'project', label: 'publisher.field.project', kind: 'text', required: true, maxLength: 32 },
          withEnum({ name: 'to', label: 'publisher.project.to', kind: 'enum', enumName: 'ProjectStatus', required: true }, enums),
          { name: 'on', label: 'publisher.project.on', kind: 'date', hint: 'publisher.project.onHint' },
          { name: 'reason', label: 'publisher.project.reason', kind: 'textarea', maxLength: 1000, hint: 'publisher.project.reasonHint' },
        ]}
        mutation={doc.MoveProject}
        field="moveProject"
        submit="publisher.project.moveSubmit"
      />
      <MutationForm
        id="project-results"
        title="publisher.project.results"
        spec={[
          { name: 'project', label: 'publisher.field.project', kind: 'text', required: true, maxLength: 32 },
          { name: 'beneficiaryHouseholds', label: 'publisher.project.households', kind: 'int' },
          { name: 'beneficiaryPeople', label: 'publisher.project.people', kind: 'int' },
          {
            name: 'actuals',
            label: 'publisher.project.actuals',
            kind: 'rows',
            hint: 'publisher.project.actualsHint',
            columns: [
              { name: 'indicator', label: 'publisher.project.indicator', kind: 'text', maxLength: 200 },
              { name: 'actual', label: 'publisher.project.actual', kind: 'decimal' },
            ],
          },
        ]}
        mutation={doc.RecordProjectResults}
        field="recordProjectResults"
        submit="publisher.project.resultsSubmit"
      />
      <RegionList region={region} show="projects" />
    </>
  );
}

/** The counts a village's and a county's yearly statistics both record. */
const statisticsCounts: FieldSpec[] = [
  { name: 'year', label: 'publisher.village.year', kind: 'int', required: true, min: 2000, max: 2100 },
  { name: 'population', label: 'publisher.village.population', kind: 'int', required: true },
  { name: 'poorHouseholds', label: 'publisher.village.poorHouseholds', kind: 'int', required: true },
  { name: 'poorPeople', label: 'publisher.village.poorPeople', kind: 'int', required: true },
];

function Villages({ region }: { region: string }) {
  const { t } = useI18n();
  const enums = useEnums('VillageFacility');
  return (
    <>
      <h2>{t('publisher.tab.villages')}</h2>
      <p className="hint">{t('publisher.village.intro')}</p>
      <MutationForm
        id="village-statistics"
        title="publisher.village.record"
        spec={[
          {
            name: 'region',
            label: 'publisher.village.code',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.village.codeHint',
          },
          ...statisticsCounts,
          { name: 'perCapitaDisposableIncomeFen', label: 'publisher.village.income', kind: 'yuan', required: true },
          { name: 'collectiveIncomeFen', label: 'publisher.village.collectiveIncome', kind: 'yuan', required: true },
        ]}
        initial={{ region: region.length === 12 ? region : '' }}
        keepOnSuccess
        mutation={doc.RecordVillageStatistics}
        field="recordVillageStatistics"
        submit="publisher.village.submit"
      />
      <MutationForm<doc.Payload & { workTeam: { code: string } | null }>
        id="assign-work-team"
        title="publisher.team.assign"
        spec={[
          {
            name: 'region',
            label: 'publisher.team.village',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.team.villageHint',
          },
          { name: 'organization', label: 'publisher.team.unit', kind: 'text', required: true, maxLength: 32 },
          { name: 'startedOn', label: 'publisher.team.startedOn', kind: 'date', required: true },
          { name: 'plannedEndOn', label: 'publisher.team.plannedEndOn', kind: 'date' },
          { name: 'size', label: 'publisher.team.size', kind: 'int', required: true, min: 1, max: 50 },
          {
            name: 'firstSecretaryTitle',
            label: 'publisher.team.secretary',
            kind: 'text',
            maxLength: 60,
            hint: 'publisher.team.secretaryHint',
          },
          {
            name: 'firstSecretaryOrganization',
            label: 'publisher.team.secretaryUnit',
            kind: 'text',
            maxLength: 32,
            hint: 'publisher.team.secretaryUnitHint',
          },
          { name: 'memberTitles', label: 'publisher.team.titles', kind: 'codes', hint: 'publisher.team.titlesHint' },
        ]}
        initial={{ region: region.length === 12 ? region : '' }}
        mutation={doc.AssignWorkTeam}
        field="assignWorkTeam"
        submit="publisher.team.assignSubmit"
        onDone={(p) => p.workTeam && `${t('publisher.team.assigned')} ${p.workTeam.code}`}
      />
      <MutationForm
        id="end-work-team"
        title="publisher.team.end"
        spec={[
          { name: 'workTeam', label: 'publisher.team.code', kind: 'text', required: true, maxLength: 32 },
          { name: 'reason', label: 'publisher.team.reason', kind: 'textarea', required: true, maxLength: 1000 },
        ]}
        mutation={doc.EndWorkTeam}
        field="endWorkTeam"
        submit="publisher.team.endSubmit"
      />
      <MutationForm
        id="household-helpers"
        title="publisher.helpers.record"
        spec={[
          {
            name: 'region',
            label: 'publisher.village.code',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.village.codeHint',
          },
          { name: 'year', label: 'publisher.village.year', kind: 'int', required: true, min: 2000, max: 2100 },
          {
            name: 'counts',
            label: 'publisher.helpers.counts',
            kind: 'rows',
            required: true,
            hint: 'publisher.helpers.countsHint',
            columns: [
              { name: 'organization', label: 'publisher.helpers.organization', kind: 'text', maxLength: 32 },
              { name: 'households', label: 'publisher.helpers.households', kind: 'decimal' },
            ],
          },
        ]}
        initial={{ region: region.length === 12 ? region : '' }}
        keepOnSuccess
        mutation={doc.RecordHouseholdHelpers}
        field="recordHouseholdHelpers"
        submit="publisher.helpers.submit"
      />
      <MutationForm
        id="village-facilities"
        title="publisher.facilities.record"
        spec={[
          {
            name: 'region',
            label: 'publisher.village.code',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.village.codeHint',
          },
          { name: 'year', label: 'publisher.village.year', kind: 'int', required: true, min: 2000, max: 2100 },
          withEnum(
            {
              name: 'present',
              label: 'publisher.facilities.present',
              kind: 'flags',
              enumName: 'VillageFacility',
              hint: 'publisher.facilities.presentHint',
            },
            enums,
          ),
        ]}
        initial={{ region: region.length === 12 ? region : '' }}
        keepOnSuccess
        mutation={doc.RecordVillageFacilities}
        field="recordVillageFacilities"
        submit="publisher.facilities.submit"
      />
      <MutationForm
        id="monitoring"
        title="publisher.monitoring.record"
        spec={[
          {
            name: 'region',
            label: 'publisher.monitoring.code',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.village.codeHint',
          },
          { name: 'year', label: 'publisher.village.year', kind: 'int', required: true, min: 2000, max: 2100 },
          { name: 'peopleExited', label: 'monitoring.peopleExited', kind: 'int', required: true },
          { name: 'peopleRelapsed', label: 'monitoring.peopleRelapsed', kind: 'int', required: true },
          { name: 'householdsMonitored', label: 'monitoring.householdsMonitored', kind: 'int', required: true },
        ]}
        initial={{ region: region.length === 12 || region.length === 6 ? region : '' }}
        keepOnSuccess
        mutation={doc.RecordMonitoring}
        field="recordMonitoring"
        submit="publisher.monitoring.submit"
      />
    </>
  );
}

/** Assets projects left (资产收益) and their yearly income; entitlement standards of the region's policies. */
function Assets({ region }: { region: string }) {
  const { t } = useI18n();
  const enums = useEnums('AssetKind', 'EntitlementProgram', 'EntitlementUnit');
  return (
    <>
      <h2>{t('publisher.tab.assets')}</h2>
      <MutationForm<doc.Payload & { asset: { code: string } | null }>
        id="register-asset"
        title="publisher.asset.register"
        spec={[
          {
            name: 'project',
            label: 'publisher.field.project',
            kind: 'text',
            required: true,
            maxLength: 32,
            hint: 'publisher.asset.projectHint',
          },
          { name: 'owner', label: 'publisher.asset.owner', kind: 'text', maxLength: 12, hint: 'publisher.asset.ownerHint' },
          { name: 'name', label: 'publisher.asset.name', kind: 'text', required: true, maxLength: 200 },
          withEnum({ name: 'kind', label: 'publisher.asset.kind', kind: 'enum', enumName: 'AssetKind', required: true }, enums),
          { name: 'valueFen', label: 'publisher.asset.value', kind: 'yuan', required: true, min: 1 },
          { name: 'shareHouseholds', label: 'asset.shareHouseholds', kind: 'int', required: true, hint: 'publisher.asset.sharesHint' },
          { name: 'inUseSince', label: 'asset.inUseSince', kind: 'date', required: true },
        ]}
        mutation={doc.RegisterAsset}
        field="registerAsset"
        submit="publisher.asset.registerSubmit"
        onDone={(p) => p.asset && `${t('publisher.form.saved')} ${p.asset.code}`}
      />
      <MutationForm
        id="asset-income"
        title="publisher.asset.income"
        spec={[
          { name: 'asset', label: 'publisher.asset.code', kind: 'text', required: true, maxLength: 32 },
          { name: 'year', label: 'publisher.village.year', kind: 'int', required: true, min: 2000, max: 2100 },
          { name: 'amountFen', label: 'asset.amount', kind: 'yuan', required: true },
          { name: 'toCollectiveFen', label: 'asset.toCollective', kind: 'yuan', required: true },
          { name: 'toHouseholdsFen', label: 'asset.toHouseholds', kind: 'yuan', required: true },
          { name: 'householdsPaid', label: 'asset.householdsPaid', kind: 'int', required: true },
          { name: 'toJobsFen', label: 'asset.toJobs', kind: 'yuan', required: true },
          { name: 'jobsPaid', label: 'asset.jobsPaid', kind: 'int', required: true },
        ]}
        keepOnSuccess
        mutation={doc.RecordAssetIncome}
        field="recordAssetIncome"
        submit="publisher.asset.incomeSubmit"
      />
      <MutationForm<doc.Payload & { entitlement: { code: string } | null }>
        id="entitlement"
        title="publisher.entitlement.record"
        spec={[
          {
            name: 'region',
            label: 'publisher.field.region',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.field.regionHint',
          },
          { name: 'year', label: 'publisher.village.year', kind: 'int', required: true, min: 2000, max: 2100 },
          withEnum({ name: 'program', label: 'entitlement.program', kind: 'enum', enumName: 'EntitlementProgram', required: true }, enums),
          { name: 'grade', label: 'entitlement.grade', kind: 'text', maxLength: 50, hint: 'publisher.entitlement.gradeHint' },
          { name: 'standardFen', label: 'entitlement.standard', kind: 'yuan', required: true, min: 1 },
          withEnum({ name: 'unit', label: 'entitlement.unit', kind: 'enum', enumName: 'EntitlementUnit', required: true }, enums),
          { name: 'documentTitle', label: 'entitlement.document', kind: 'text', required: true, maxLength: 300 },
          { name: 'documentNumber', label: 'publisher.fund.documentNumber', kind: 'text', maxLength: 100 },
          { name: 'recipients', label: 'entitlement.recipients', kind: 'int', required: true },
          { name: 'notice', label: 'publisher.entitlement.notice', kind: 'text', maxLength: 32, hint: 'publisher.entitlement.noticeHint' },
        ]}
        initial={{ region }}
        mutation={doc.RecordEntitlement}
        field="recordEntitlement"
        submit="publisher.entitlement.submit"
        onDone={(p) => p.entitlement && `${t('publisher.form.saved')} ${p.entitlement.code}`}
      />
    </>
  );
}

/** Exits (出列/摘帽): county figures, a proposal on figures that meet the criteria, and the verifying level's decision. */
function Exits({ region, organization }: { region: string; organization: string | null }) {
  const { t, te } = useI18n();
  const [proposed, setProposed] = useState<{ code: string; notice: { code: string } } | null>(null);
  const exitCode: FieldSpec = { name: 'exit', label: 'publisher.exit.code', kind: 'text', required: true, maxLength: 32 };
  return (
    <>
      <h2>{t('publisher.tab.exits')}</h2>
      <p className="hint">{t('publisher.exit.intro')}</p>
      <MutationForm<doc.Payload & { exit: { code: string; notice: { code: string } } | null }>
        id="propose-exit"
        title="publisher.exit.propose"
        spec={[
          {
            name: 'region',
            label: 'publisher.exit.region',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.exit.regionHint',
          },
          { name: 'year', label: 'publisher.village.year', kind: 'int', required: true, min: 2000, max: 2100 },
          {
            name: 'verifyingOrganization',
            label: 'publisher.exit.verifier',
            kind: 'text',
            required: true,
            maxLength: 32,
            hint: 'publisher.exit.verifierHint',
          },
          {
            name: 'responsibleRole',
            label: 'publisher.project.responsibleRole',
            kind: 'text',
            required: true,
            maxLength: 100,
            hint: 'publisher.exit.responsibleRoleHint',
          },
          { name: 'noticePeriodDays', label: 'publisher.exit.noticePeriodDays', kind: 'int', required: true, min: 10, max: 365 },
          { name: 'localSupervisionPhone', label: 'publisher.exit.phone', kind: 'text', required: true, maxLength: 40 },
        ]}
        initial={{ region: region.length >= 6 ? region : '', verifyingOrganization: organization ?? '' }}
        mutation={doc.ProposeExit}
        field="proposeExit"
        submit="publisher.exit.proposeSubmit"
        onDone={(p) => {
          setProposed(p.exit);
          return p.exit && `${t('publisher.exit.proposed')} ${p.exit.code}`;
        }}
      />
      {proposed && (
        <p className="success" role="status" data-testid="exit-proposed">
          {t('publisher.exit.publishedAs')} <Link to={`/notices/${encodeURIComponent(proposed.notice.code)}`}>{proposed.notice.code}</Link>
        </p>
      )}
      <h3>{t('publisher.exit.underWay')}</h3>
      <Query query={doc.PublisherExits} variables={{ region }} refetchOn={['Exit']}>
        {({ exits }) =>
          exits.nodes.length === 0 ? (
            <p className="muted">{t('publisher.queue.none')}</p>
          ) : (
            <ul className="record-list" data-testid="exits-under-way">
              {exits.nodes.map((e) => (
                <li key={e.code} data-code={e.code}>
                  <span className="code">{e.code}</span> {e.region.name} · {e.year} ·{' '}
                  <span className="badge">{te('ExitStatus', e.status)}</span> · {t('exit.noticePeriodEndsOn')} {e.noticePeriodEndsOn} ·{' '}
                  <Link to={`/notices/${encodeURIComponent(e.notice.code)}`}>{e.notice.title}</Link>
                </li>
              ))}
            </ul>
          )
        }
      </Query>
      <MutationForm
        id="confirm-exit"
        title="publisher.exit.confirm"
        spec={[exitCode]}
        mutation={doc.ConfirmExit}
        field="confirmExit"
        submit="publisher.exit.confirmSubmit"
        confirm="publisher.exit.confirmCheck"
      />
      <MutationForm
        id="withdraw-exit"
        title="publisher.exit.withdraw"
        spec={[
          exitCode,
          {
            name: 'reason',
            label: 'publisher.exit.reason',
            kind: 'textarea',
            required: true,
            maxLength: 1000,
            hint: 'publisher.exit.reasonHint',
          },
        ]}
        mutation={doc.WithdrawExit}
        field="withdrawExit"
        submit="publisher.exit.withdrawSubmit"
      />
      <MutationForm
        id="county-statistics"
        title="publisher.county.record"
        spec={[
          {
            name: 'region',
            label: 'publisher.county.code',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.village.codeHint',
          },
          ...statisticsCounts,
          { name: 'ruralPerCapitaDisposableIncomeFen', label: 'publisher.county.income', kind: 'yuan', required: true },
        ]}
        initial={{ region: region.length === 6 ? region : '' }}
        keepOnSuccess
        mutation={doc.RecordCountyStatistics}
        field="recordCountyStatistics"
        submit="publisher.village.submit"
      />
      <MutationForm<doc.Payload & { microcredit: { code: string } | null }>
        id="microcredit"
        title="publisher.microcredit.record"
        spec={[
          {
            name: 'region',
            label: 'publisher.county.code',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.village.codeHint',
          },
          { name: 'year', label: 'publisher.village.year', kind: 'int', required: true, min: 2000, max: 2100 },
          { name: 'loansIssuedCount', label: 'publisher.microcredit.loansCount', kind: 'int', required: true },
          { name: 'loansIssuedFen', label: 'publisher.microcredit.loans', kind: 'yuan', required: true },
          { name: 'outstandingBalanceFen', label: 'publisher.microcredit.balance', kind: 'yuan', required: true },
          {
            name: 'overdueFen',
            label: 'publisher.microcredit.overdue',
            kind: 'yuan',
            required: true,
            hint: 'publisher.microcredit.overdueHint',
          },
          { name: 'interestSubsidyFen', label: 'publisher.microcredit.subsidy', kind: 'yuan', required: true },
          { name: 'riskCompensationFundFen', label: 'publisher.microcredit.riskFund', kind: 'yuan', required: true },
          {
            name: 'correctionReason',
            label: 'publisher.microcredit.correctionReason',
            kind: 'textarea',
            maxLength: 1000,
            hint: 'publisher.microcredit.correctionHint',
          },
        ]}
        initial={{ region: region.length === 6 ? region : '' }}
        mutation={doc.RecordMicrocredit}
        field="recordMicrocredit"
        submit="publisher.microcredit.submit"
        onDone={(p) => p.microcredit && `${t('publisher.form.saved')} ${p.microcredit.code}`}
      />
    </>
  );
}

function Needs({ region }: { region: string }) {
  const { t } = useI18n();
  const enums = useEnums('NeedCategory', 'NeedPriority');
  return (
    <>
      <h2>{t('publisher.tab.needs')}</h2>
      <MutationForm<doc.Payload & { need: { code: string } | null }>
        id="register-need"
        title="publisher.needs.register"
        spec={[
          { name: 'title', label: 'publisher.needs.title', kind: 'text', required: true, maxLength: 200 },
          withEnum({ name: 'category', label: 'publisher.needs.category', kind: 'enum', enumName: 'NeedCategory', required: true }, enums),
          withEnum({ name: 'priority', label: 'publisher.needs.priority', kind: 'enum', enumName: 'NeedPriority', required: true }, enums),
          {
            name: 'region',
            label: 'publisher.needs.place',
            kind: 'text',
            required: true,
            maxLength: 12,
            hint: 'publisher.needs.placeHint',
          },
          {
            name: 'description',
            label: 'publisher.needs.description',
            kind: 'textarea',
            required: true,
            maxLength: 4000,
            hint: 'publisher.needs.descriptionHint',
          },
          { name: 'amountFen', label: 'publisher.needs.amount', kind: 'yuan', min: 1, hint: 'publisher.needs.amountHint' },
          { name: 'quantity', label: 'publisher.needs.quantity', kind: 'int', min: 1 },
          { name: 'unit', label: 'publisher.needs.unit', kind: 'text', maxLength: 20 },
          { name: 'deadline', label: 'publisher.needs.deadline', kind: 'date', required: true, hint: 'publisher.needs.deadlineHint' },
          { name: 'project', label: 'publisher.field.projectOptional', kind: 'text', maxLength: 32 },
          { name: 'pairing', label: 'publisher.needs.pairing', kind: 'text', maxLength: 32 },
          { name: 'submit', label: 'publisher.needs.submitNow', kind: 'bool' },
        ]}
        initial={{ region: region.length >= 9 ? region : '' }}
        mutation={doc.RegisterNeed}
        field="registerNeed"
        submit="publisher.needs.registerSubmit"
        onDone={(p) => p.need && `${t('publisher.needs.registered')} ${p.need.code}`}
      />
      <h3>{t('publisher.queue.needs')}</h3>
      <Query query={doc.PublisherQueue} variables={{ region }} refetchOn={['Need']}>
        {({ needs }) =>
          needs.nodes.length === 0 ? <p className="muted">{t('publisher.queue.none')}</p> : <NeedDrafts needs={needs.nodes} />
        }
      </Query>
      <ClosableNeeds region={region} />
    </>
  );
}

/** Approved needs of the region that may be closed; the API refuses while a pledge on one is under way. */
function ClosableNeeds({ region }: { region: string }) {
  const { t, te } = useI18n();
  return (
    <section aria-labelledby="closable-needs">
      <h3 id="closable-needs">{t('publisher.needs.closable')}</h3>
      <p className="hint">{t('publisher.needs.closeHint')}</p>
      <Query query={doc.ClosableNeeds} variables={{ region }} refetchOn={['Need']}>
        {(lists) => {
          const needs = Object.values(lists).flatMap((l) => l.nodes);
          return needs.length === 0 ? (
            <p className="muted">{t('publisher.queue.none')}</p>
          ) : (
            <ul className="record-list" data-testid="closable-needs">
              {needs.map((n) => (
                <li key={n.code} data-code={n.code}>
                  <Link to={`/needs/${encodeURIComponent(n.code)}`}>{n.title}</Link> <span className="code">{n.code}</span> {n.region.name}{' '}
                  <span className="badge">{te('NeedStatus', n.status)}</span>{' '}
                  <ActionButton mutation={doc.CloseNeed} field="closeNeed" input={{ need: n.code }} label={t('publisher.needs.close')} />
                </li>
              ))}
            </ul>
          );
        }}
      </Query>
    </section>
  );
}

/** The region's latest funds, projects or published notices, with their codes to type into the forms. */
function RegionList({ region, show }: { region: string; show: 'funds' | 'projects' | 'notices' }) {
  const { t, te } = useI18n();
  return (
    <>
      <h3>{t(`publisher.list.${show}` as const)}</h3>
      <Query query={doc.RegionRecords} variables={{ region }} refetchOn={['Fund', 'Project', 'Notice']}>
        {(data) => (
          <ul className="record-list">
            {show === 'funds' &&
              data.funds.nodes.map((f) => (
                <li key={f.code}>
                  <span className="code">{f.code}</span> <Link to={`/funds/${encodeURIComponent(f.code)}`}>{f.name}</Link> · {f.fiscalYear}{' '}
                  · ¥{f.amount.yuan}
                </li>
              ))}
            {show === 'projects' &&
              data.projects.nodes.map((p) => (
                <li key={p.code}>
                  <span className="code">{p.code}</span> <Link to={`/projects/${encodeURIComponent(p.code)}`}>{p.name}</Link> ·{' '}
                  {p.region.name} <span className="badge">{te('ProjectStatus', p.status)}</span>
                </li>
              ))}
            {show === 'notices' &&
              data.notices.nodes.map((n) => (
                <li key={n.code}>
                  <span className="code">{n.code}</span> <Link to={`/notices/${encodeURIComponent(n.code)}`}>{n.title}</Link> ·{' '}
                  {n.publishedOn}
                </li>
              ))}
          </ul>
        )}
      </Query>
    </>
  );
}
