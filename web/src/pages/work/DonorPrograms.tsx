import { gql } from 'urql';
import { Query } from '../../components/Query';
import { useI18n } from '../../i18n';
import { MutationForm } from '../../publisher/MutationForm';
import { Link } from '../../router';
import { ApplicationFields, type ApplicationRow } from './admin/documents';

// The Donor's programs: those the organisation is a member of (it may leave one, with a public reason), its
// applications with their decisions, and a form to apply to another. Limits are the API's
// (ProgramApplication.MotivationMaxLength, ProgramMembership.LeaveReasonMaxLength).

const DonorProgramsQuery = gql<
  {
    organization: { programs: { code: string; name: string }[] } | null;
    programApplications: { nodes: ApplicationRow[] };
    programs: { nodes: { code: string; name: string }[] };
  },
  { organization: string }
>`
  query DonorPrograms($organization: String!) {
    organization(code: $organization) { programs { code name } }
    programApplications(organization: $organization, first: 50) { nodes { ...ProgramApplicationFields } }
    programs(first: 100) { nodes { code name } }
  }
  ${ApplicationFields}
`;

const ApplyToProgram = gql<{ applyToProgram: { errors: [] } }, { input: Record<string, unknown> }>`
  mutation DonorApplyToProgram($input: ApplyToProgramInput!) {
    applyToProgram(input: $input) { application { id status program { code } } errors { code message field params { name value } } }
  }
`;

const LeaveProgram = gql<{ leaveProgram: { errors: [] } }, { input: Record<string, unknown> }>`
  mutation DonorLeaveProgram($input: LeaveProgramInput!) {
    leaveProgram(input: $input) { membership { isCurrent leftOn organization { code } program { code } } errors { code message field params { name value } } }
  }
`;

export function DonorPrograms({ organization }: { organization: string }) {
  const { t, tf, te, formatDateTime } = useI18n();
  return (
    <section aria-labelledby="donor-programs" data-testid="donor-programs">
      <h2 id="donor-programs">{t('donor.programs')}</h2>
      <Query query={DonorProgramsQuery} variables={{ organization }} refetchOn={['ProgramApplication', 'ProgramMembership', 'Program']}>
        {({ organization: org, programApplications, programs }) => {
          const mine = org?.programs ?? [];
          const others = programs.nodes.filter((p) => !mine.some((m) => m.code === p.code));
          const name = (code: string) => programs.nodes.find((p) => p.code === code)?.name ?? code;
          return (
            <>
              {mine.length === 0 ? (
                <p className="muted">{t('donor.programsNone')}</p>
              ) : (
                <ul data-testid="donor-memberships">
                  {mine.map((p) => (
                    <li key={p.code}>
                      <Link to={`/programs/${encodeURIComponent(p.code)}`}>{p.name}</Link> <span className="code">{p.code}</span>
                    </li>
                  ))}
                </ul>
              )}
              {programApplications.nodes.length > 0 && (
                <>
                  <h3>{t('donor.applications')}</h3>
                  <ul className="record-list" data-testid="donor-applications">
                    {programApplications.nodes.map((a) => (
                      <li key={a.id} data-program={a.program.code} data-status={a.status}>
                        {a.program.name} <span className="badge">{te('ApplicationStatus', a.status)}</span> {tf('admin.applications.appliedAt', { at: formatDateTime(a.appliedAt) })}
                        {a.decisionReason && <p className="muted">{tf('admin.applications.reason', { reason: a.decisionReason })}</p>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <MutationForm
                id="apply-to-program"
                title="donor.apply"
                spec={[
                  { name: 'program', label: 'donor.applyProgram', kind: 'enum', required: true, options: others.map((p) => p.code), optionLabel: name },
                  { name: 'motivation', label: 'donor.motivation', kind: 'textarea', required: true, maxLength: 1000, hint: 'donor.motivationHint' },
                ]}
                mutation={ApplyToProgram}
                field="applyToProgram"
                fixed={{ organization }}
                submit="donor.applySubmit"
              />
              {/* Shown while the organisation is in no program too, so that leaving the last one still says it left. */}
              <MutationForm
                  id="leave-program"
                  title="donor.leave"
                  spec={[
                    { name: 'program', label: 'donor.leaveProgram', kind: 'enum', required: true, options: mine.map((p) => p.code), optionLabel: name },
                    { name: 'reason', label: 'donor.leaveReason', kind: 'textarea', required: true, maxLength: 1000 },
                  ]}
                  mutation={LeaveProgram}
                  field="leaveProgram"
                  fixed={{ organization }}
                  submit="donor.leaveSubmit"
                />
            </>
          );
        }}
      </Query>
    </section>
  );
}
