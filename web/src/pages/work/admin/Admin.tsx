import { useState, type ReactNode } from 'react';
import { Query } from '../../../components/Query';
import { roleLabel } from '../../../components/Grants';
import { useI18n } from '../../../i18n';
import { roleName } from '../../../lib/auth';
import type { MessageKey } from '../../../i18n/zh';
import { MutationForm, useEnums, withEnum, type FieldSpec } from '../../../publisher/MutationForm';
import { Link } from '../../../router';
import { Folded, ReasonAction, RoleGate, WorkspaceTabs } from '../common';
import { adminPath } from '../paths';
import * as doc from './documents';

// The Admin's workspace at #/work/admin/…: program applications waiting for a decision, grants, organisations,
// programs with their members, and pairings. Limits are the API's (Grant, Organization, AidProgram, Pairing).

const tabs: [string, MessageKey][] = [
  ['', 'admin.tab.applications'],
  ['/grants', 'admin.tab.grants'],
  ['/organizations', 'admin.tab.organizations'],
  ['/programs', 'admin.tab.programs'],
  ['/pairings', 'admin.tab.pairings'],
  ['/statistics', 'admin.tab.statistics'],
];

const reasonField = (label: MessageKey, max = 1000): FieldSpec => ({ name: 'reason', label, kind: 'textarea', required: true, maxLength: max });

/** A role of the API's Role enum ('DONOR') in the page's language. */
function useRoleWord() {
  const { t } = useI18n();
  return (role: string) => roleLabel(t, roleName(role));
}

export function AdminWorkspace({ path }: { path: string }) {
  const { t } = useI18n();
  const tab = path.slice(adminPath.length);
  return (
    <RoleGate role="Admin" title="admin.title">
      {() => (
        <section data-testid="admin-workspace">
          <h1>{t('admin.title')}</h1>
          <p className="lead">{t('admin.intro')}</p>
          <WorkspaceTabs base={adminPath} tabs={tabs} current={tab} label="admin.tabs" />
          <Tab tab={tab} />
        </section>
      )}
    </RoleGate>
  );
}

function Tab({ tab }: { tab: string }): ReactNode {
  switch (tab) {
    case '/grants':
      return <Grants />;
    case '/organizations':
      return <Organizations />;
    case '/programs':
      return <Programs />;
    case '/pairings':
      return <Pairings />;
    case '/statistics':
      return <Statistics />;
    default:
      return <Applications />;
  }
}

function Applications() {
  const { t, tf, te, formatDateTime } = useI18n();
  const [status, setStatus] = useState('PENDING');
  return (
    <section aria-labelledby="admin-applications">
      <h2 id="admin-applications">{t('admin.tab.applications')}</h2>
      <p className="field">
        <label htmlFor="application-status">{t('admin.applications.status')}</label>{' '}
        <select id="application-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          {['PENDING', 'APPROVED', 'DECLINED'].map((s) => (
            <option key={s} value={s}>
              {te('ApplicationStatus', s)}
            </option>
          ))}
        </select>
      </p>
      <Query query={doc.AdminApplications} variables={{ status }} refetchOn={['ProgramApplication']}>
        {({ programApplications }) =>
          programApplications.nodes.length === 0 ? (
            <p className="muted">{t('admin.applications.none')}</p>
          ) : (
            <ul className="record-list" data-testid="admin-applications">
              {programApplications.nodes.map((a) => (
                <li key={a.id} data-organization={a.organization.code} data-program={a.program.code}>
                  <h3>
                    <Link to={`/organizations/${encodeURIComponent(a.organization.code)}`}>{a.organization.name}</Link> →{' '}
                    <Link to={`/programs/${encodeURIComponent(a.program.code)}`}>{a.program.name}</Link>
                  </h3>
                  <div className="meta">
                    <span className="badge">{te('ApplicationStatus', a.status)}</span> {tf('admin.applications.appliedAt', { at: formatDateTime(a.appliedAt) })}
                  </div>
                  <p>{a.motivation}</p>
                  {a.decisionReason && <p className="muted">{tf('admin.applications.reason', { reason: a.decisionReason })}</p>}
                  {a.status === 'PENDING' && (
                    <div className="decision">
                      <MutationForm
                        id={`approve-${a.id}`}
                        title="admin.applications.approve"
                        spec={[{ name: 'reason', label: 'admin.applications.approveReason', kind: 'textarea', maxLength: 1000 }]}
                        mutation={doc.DecideApplication}
                        field="decideProgramApplication"
                        fixed={{ application: a.id, decision: 'APPROVE' }}
                        submit="admin.applications.approveSubmit"
                      />
                      <ReasonAction
                        id={`decline-${a.id}`}
                        title="admin.applications.decline"
                        reason="admin.applications.declineReason"
                        mutation={doc.DecideApplication}
                        field="decideProgramApplication"
                        fixed={{ application: a.id, decision: 'DECLINE' }}
                        submit="admin.applications.declineSubmit"
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </section>
  );
}

function Grants() {
  const { t, tf, formatDateTime } = useI18n();
  const roleWord = useRoleWord();
  const enums = useEnums('Role');
  const [filters, setFilters] = useState({ role: '', person: '', active: 'true' });
  return (
    <>
      <h2>{t('admin.tab.grants')}</h2>
      <MutationForm
        id="grant-role"
        title="admin.grants.grant"
        spec={[
          { name: 'person', label: 'admin.grants.person', kind: 'text', required: true, maxLength: 64, hint: 'admin.grants.personHint' },
          { name: 'personName', label: 'admin.grants.personName', kind: 'text', maxLength: 50, hint: 'admin.grants.personNameHint' },
          withEnum({ name: 'role', label: 'admin.grants.role', kind: 'enum', enumName: 'Role', required: true }, enums),
          { name: 'region', label: 'admin.grants.region', kind: 'text', maxLength: 12, hint: 'admin.grants.regionHint' },
          { name: 'organization', label: 'admin.grants.organization', kind: 'text', maxLength: 32, hint: 'admin.grants.organizationHint' },
          reasonField('admin.grants.reason', 500),
        ]}
        mutation={doc.GrantRole}
        field="grantRole"
        submit="admin.grants.grantSubmit"
      />
      <h3>{t('admin.grants.list')}</h3>
      <div className="filters" role="search" aria-label={t('admin.grants.filters')}>
        <div className="field">
          <label htmlFor="grants-role">{t('admin.grants.role')}</label>
          <select id="grants-role" value={filters.role} onChange={(e) => setFilters({ ...filters, role: e.target.value })}>
            <option value="">{t('filter.any')}</option>
            {enums.Role.map((r) => (
              <option key={r} value={r}>
                {roleWord(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="grants-person">{t('admin.grants.person')}</label>
          <input id="grants-person" value={filters.person} onChange={(e) => setFilters({ ...filters, person: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="grants-active">{t('admin.grants.state')}</label>
          <select id="grants-active" value={filters.active} onChange={(e) => setFilters({ ...filters, active: e.target.value })}>
            <option value="">{t('filter.any')}</option>
            <option value="true">{t('admin.grants.active')}</option>
            <option value="false">{t('admin.grants.revoked')}</option>
          </select>
        </div>
      </div>
      <Query
        query={doc.AdminGrants}
        variables={{ role: filters.role || null, region: null, person: filters.person.trim() || null, active: filters.active === '' ? null : filters.active === 'true' }}
        refetchOn={['Grant']}
      >
        {({ grants }) =>
          grants.nodes.length === 0 ? (
            <p className="muted">{t('admin.grants.none')}</p>
          ) : (
            <ul className="record-list" data-testid="admin-grants">
              {grants.nodes.map((g) => (
                <li key={g.id} data-person={g.person} data-revoked={g.revokedAt ? 'true' : 'false'}>
                  <h4>
                    {g.personName ?? g.person} <span className="code">{g.person}</span> · {roleWord(g.role)}
                  </h4>
                  <div className="meta">
                    <span>{g.region ? `${g.region.name} ${g.region.shortCode}` : t('signin.nationwide')}</span>
                    {g.organization && <span>{g.organization.name}</span>}
                    <span>{tf('admin.grants.grantedBy', { at: formatDateTime(g.grantedAt), by: g.grantedBy })}</span>
                  </div>
                  <p>{g.reason}</p>
                  {g.revokedAt ? (
                    <p className="badge badge-late" data-testid="grant-revoked">
                      {tf('admin.grants.revokedBy', { at: formatDateTime(g.revokedAt), by: g.revokedBy ?? '—', reason: g.revokeReason ?? '' })}
                    </p>
                  ) : (
                    <ReasonAction
                      id={`revoke-${g.id}`}
                      title="admin.grants.revoke"
                      reason="admin.grants.revokeReason"
                      maxLength={500}
                      mutation={doc.RevokeRole}
                      field="revokeRole"
                      fixed={{ grant: g.id }}
                      submit="admin.grants.revokeSubmit"
                    />
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </>
  );
}

/** The fields of an organisation: where it is registered is a region of the five provinces, or a place outside them. */
function organizationSpec(enums: Record<string, string[]>): FieldSpec[] {
  return [
    withEnum({ name: 'kind', label: 'admin.org.kind', kind: 'enum', enumName: 'OrganizationKind', required: true }, enums),
    { name: 'name', label: 'admin.org.name', kind: 'text', required: true, maxLength: 200 },
    { name: 'creditCode', label: 'admin.org.creditCode', kind: 'text', maxLength: 18, hint: 'admin.org.creditCodeHint' },
    { name: 'description', label: 'admin.org.description', kind: 'textarea', maxLength: 2000, hint: 'admin.org.descriptionHint' },
    { name: 'region', label: 'admin.org.region', kind: 'text', maxLength: 12, hint: 'admin.org.regionHint' },
    { name: 'outsideProvince', label: 'admin.org.outsideProvince', kind: 'int', min: 11, max: 82, hint: 'admin.org.outsideProvinceHint' },
    { name: 'place', label: 'admin.org.place', kind: 'text', maxLength: 100, hint: 'admin.org.placeHint' },
  ];
}

function Organizations() {
  const { t, te } = useI18n();
  const enums = useEnums('OrganizationKind');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<doc.OrganizationRow | null>(null);
  const spec = organizationSpec(enums);
  return (
    <>
      <h2>{t('admin.tab.organizations')}</h2>
      <MutationForm<{ errors: []; organization: { code: string } | null }>
        id="register-organization"
        title="admin.org.register"
        spec={spec}
        mutation={doc.RegisterOrganization}
        field="registerOrganization"
        submit="admin.org.registerSubmit"
        onDone={(p) => p.organization && `${t('admin.org.registered')} ${p.organization.code}`}
      />
      <h3>{t('admin.org.find')}</h3>
      <p className="field">
        <label htmlFor="admin-org-search">{t('admin.org.search')}</label>{' '}
        <input id="admin-org-search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </p>
      {search.trim() && (
        <Query query={doc.AdminOrganizations} variables={{ search: search.trim() }} refetchOn={['Organization']}>
          {({ organizations }) =>
            organizations.nodes.length === 0 ? (
              <p className="muted">{t('admin.org.none')}</p>
            ) : (
              <ul className="record-list" data-testid="admin-organizations">
                {organizations.nodes.map((o) => (
                  <li key={o.code} data-code={o.code}>
                    <Link to={`/organizations/${encodeURIComponent(o.code)}`}>{o.name}</Link> <span className="code">{o.code}</span> {te('OrganizationKind', o.kind)}{' '}
                    {o.region?.name ?? o.place ?? ''}{' '}
                    <button type="button" onClick={() => setEditing(o)}>
                      {t('admin.org.edit')}
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </Query>
      )}
      {editing && (
        <MutationForm
          // A new form for each organisation, prefilled with what it holds now: an update replaces the whole record.
          key={editing.code}
          id="update-organization"
          title="admin.org.update"
          spec={spec}
          initial={{
            kind: editing.kind,
            name: editing.name,
            creditCode: editing.creditCode ?? '',
            description: editing.description ?? '',
            region: editing.region?.shortCode ?? '',
            outsideProvince: editing.outsideProvince?.toString() ?? '',
            place: editing.place ?? '',
          }}
          mutation={doc.UpdateOrganization}
          field="updateOrganization"
          fixed={{ organization: editing.code }}
          submit="admin.org.updateSubmit"
          keepOnSuccess
        />
      )}
    </>
  );
}

function Programs() {
  const { t, te } = useI18n();
  const enums = useEnums('ProgramKind');
  return (
    <>
      <h2>{t('admin.tab.programs')}</h2>
      <MutationForm
        id="create-program"
        title="admin.program.create"
        spec={[
          { name: 'code', label: 'admin.program.code', kind: 'text', required: true, maxLength: 16, hint: 'admin.program.codeHint' },
          { name: 'name', label: 'admin.program.name', kind: 'text', required: true, maxLength: 100 },
          withEnum({ name: 'kind', label: 'admin.program.kind', kind: 'enum', enumName: 'ProgramKind', required: true }, enums),
          { name: 'description', label: 'admin.program.description', kind: 'textarea', required: true, maxLength: 2000 },
          { name: 'startYear', label: 'admin.program.startYear', kind: 'int', required: true, min: 1980, max: 2100 },
          { name: 'endYear', label: 'admin.program.endYear', kind: 'int', min: 1980, max: 2100 },
          { name: 'region', label: 'admin.program.region', kind: 'text', maxLength: 12, hint: 'admin.program.regionHint' },
        ]}
        mutation={doc.CreateProgram}
        field="createProgram"
        submit="admin.program.createSubmit"
      />
      <Query query={doc.AdminPrograms} refetchOn={['Program', 'ProgramMembership']}>
        {({ programs }) => (
          <ul className="record-list" data-testid="admin-programs">
            {programs.nodes.map((p) => (
              <li key={p.code} data-code={p.code}>
                <h3>
                  <Link to={`/programs/${encodeURIComponent(p.code)}`}>{p.name}</Link> <span className="code">{p.code}</span>
                </h3>
                <div className="meta">
                  <span className="badge">{te('ProgramKind', p.kind)}</span>
                  <span>
                    {p.startYear}–{p.endYear ?? ''}
                  </span>
                  {p.region && <span>{p.region.name}</span>}
                  <span>{`${t('admin.program.members')} ${p.members.totalCount}`}</span>
                </div>
                <Folded label={t('admin.program.removeMember')}>
                  <MutationForm
                    id={`remove-member-${p.code}`}
                    title="admin.program.removeMember"
                    spec={[
                      { name: 'organization', label: 'admin.program.member', kind: 'enum', required: true, options: p.members.nodes.map((m) => m.code), optionLabel: (code) => `${p.members.nodes.find((m) => m.code === code)?.name ?? ''} ${code}` },
                      reasonField('admin.program.removeReason'),
                    ]}
                    mutation={doc.RemoveMember}
                    field="removeProgramMember"
                    fixed={{ program: p.code }}
                    submit="admin.program.removeSubmit"
                  />
                </Folded>
              </li>
            ))}
          </ul>
        )}
      </Query>
    </>
  );
}

function Pairings() {
  const { t, tf } = useI18n();
  const [program, setProgram] = useState('');
  const [region, setRegion] = useState('');
  return (
    <>
      <h2>{t('admin.tab.pairings')}</h2>
      <MutationForm
        id="create-pairing"
        title="admin.pairing.create"
        spec={[
          { name: 'program', label: 'admin.pairing.program', kind: 'text', required: true, maxLength: 16 },
          { name: 'helperOrganization', label: 'admin.pairing.helperOrganization', kind: 'text', maxLength: 32, hint: 'admin.pairing.helperHint' },
          { name: 'helperRegion', label: 'admin.pairing.helperRegion', kind: 'text', maxLength: 12 },
          { name: 'helpedRegion', label: 'admin.pairing.helpedRegion', kind: 'text', required: true, maxLength: 12 },
          { name: 'startYear', label: 'admin.pairing.startYear', kind: 'int', required: true, min: 2000, max: 2100 },
          { name: 'endYear', label: 'admin.pairing.endYear', kind: 'int', min: 2000, max: 2100 },
          { name: 'yearlyPlan', label: 'admin.pairing.yearlyPlan', kind: 'textarea', required: true, maxLength: 2000 },
          { name: 'yearlyBudgetFen', label: 'admin.pairing.yearlyBudget', kind: 'yuan', required: true },
        ]}
        mutation={doc.CreatePairing}
        field="createPairing"
        submit="admin.pairing.createSubmit"
        onDone={(p: { errors: []; pairing: { code: string } | null }) => p.pairing && `${t('admin.pairing.created')} ${p.pairing.code}`}
      />
      <h3>{t('admin.pairing.list')}</h3>
      <p className="field">
        <label htmlFor="pairings-program">{t('admin.pairing.program')}</label>{' '}
        <input id="pairings-program" value={program} onChange={(e) => setProgram(e.target.value)} />{' '}
        <label htmlFor="pairings-region">{t('admin.pairing.region')}</label> <input id="pairings-region" value={region} onChange={(e) => setRegion(e.target.value)} />
      </p>
      <Query query={doc.AdminPairings} variables={{ program: program.trim() || null, region: region.trim() || null }} refetchOn={['Pairing']}>
        {({ pairings }) => (
          <ul className="record-list" data-testid="admin-pairings">
            {pairings.nodes.map((p) => (
              <li key={p.code} data-code={p.code}>
                <h4>
                  {p.helperOrganization?.name ?? p.helperRegion?.name} → {p.helpedRegion.name} <span className="code">{p.code}</span>
                </h4>
                <div className="meta">
                  <span>{p.program.name}</span>
                  <span>
                    {p.startYear}–{p.endYear ?? ''}
                  </span>
                  <span>{tf('admin.pairing.budget', { yuan: p.yearlyBudget.yuan })}</span>
                </div>
                <p>{p.yearlyPlan}</p>
                {p.endedOn ? (
                  <p className="muted" data-testid="pairing-ended">
                    {tf('admin.pairing.ended', { day: p.endedOn, reason: p.endReason ?? '' })}
                  </p>
                ) : (
                  <ReasonAction
                    id={`end-${p.code}`}
                    title="admin.pairing.end"
                    reason="admin.pairing.endReason"
                    mutation={doc.EndPairing}
                    field="endPairing"
                    fixed={{ pairing: p.code }}
                    submit="admin.pairing.endSubmit"
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Query>
    </>
  );
}

/** Reference figures the exit criteria measure against: a province's rural average, as its statistics bureau published it. */
function Statistics() {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('admin.tab.statistics')}</h2>
      <p className="hint">{t('admin.statistics.intro')}</p>
      <MutationForm
        id="provincial-income"
        title="admin.statistics.record"
        spec={[
          { name: 'province', label: 'admin.statistics.province', kind: 'text', required: true, maxLength: 12, hint: 'admin.statistics.provinceHint' },
          { name: 'year', label: 'admin.statistics.year', kind: 'int', required: true, min: 2000, max: 2100 },
          { name: 'perCapitaIncomeFen', label: 'admin.statistics.income', kind: 'yuan', required: true, min: 1 },
        ]}
        keepOnSuccess
        mutation={doc.RecordProvincialRuralIncome}
        field="recordProvincialRuralIncome"
        submit="admin.statistics.submit"
      />
    </>
  );
}
