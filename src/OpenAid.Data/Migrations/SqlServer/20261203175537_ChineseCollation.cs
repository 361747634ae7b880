using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChineseCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase(
                collation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "MemberTitleLines",
                table: "WorkTeams",
                type: "nvarchar(610)",
                maxLength: 610,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(610)",
                oldMaxLength: 610);

            migrationBuilder.AlterColumn<string>(
                name: "FirstSecretaryTitle",
                table: "WorkTeams",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(60)",
                oldMaxLength: 60,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "EndReason",
                table: "WorkTeams",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "WorkTeams",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Transactions",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Transactions",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "Prefix",
                table: "RegisterSequences",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Regions",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "ResponsibleRole",
                table: "Projects",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Projects",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Projects",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Projects",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "CancellationReason",
                table: "Projects",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Programs",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Programs",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Programs",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "LeaveReason",
                table: "ProgramMemberships",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Motivation",
                table: "ProgramApplications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "DecisionReason",
                table: "ProgramApplications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Unit",
                table: "Pledges",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Pledges",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "CancellationReason",
                table: "Pledges",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ReceivedBy",
                table: "PledgeDeliveries",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Evidence",
                table: "PledgeDeliveries",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "Unit",
                table: "PerformanceTargets",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Indicator",
                table: "PerformanceTargets",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "YearlyPlan",
                table: "Pairings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "EndReason",
                table: "Pairings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Pairings",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "Place",
                table: "Organizations",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Organizations",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Organizations",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CreditCode",
                table: "Organizations",
                type: "nchar(18)",
                fixedLength: true,
                maxLength: 18,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nchar(18)",
                oldFixedLength: true,
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Organizations",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "DescriptionHiddenReason",
                table: "Objections",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DescriptionHiddenBy",
                table: "Objections",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Objections",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "ContactPhone",
                table: "Objections",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(30)",
                oldMaxLength: 30,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ContactName",
                table: "Objections",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Objections",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "AnsweredBy",
                table: "Objections",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Answer",
                table: "Objections",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "WithdrawalReason",
                table: "Notices",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Notices",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "SupervisionPhone",
                table: "Notices",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "LocalSupervisionPhone",
                table: "Notices",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CorrectionReason",
                table: "Notices",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Notices",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "Notices",
                type: "nvarchar(max)",
                maxLength: 20000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldMaxLength: 20000);

            migrationBuilder.AlterColumn<string>(
                name: "Unit",
                table: "Needs",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Needs",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "ReviewerName",
                table: "Needs",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "RejectionReason",
                table: "Needs",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Needs",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Needs",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "CapOverrideReason",
                table: "Needs",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CorrectionReason",
                table: "MicrocreditRecords",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Grants",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Role",
                table: "Grants",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "RevokedBy",
                table: "Grants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "RevokeReason",
                table: "Grants",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                table: "Grants",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "PersonName",
                table: "Grants",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "GrantedBy",
                table: "Grants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Purpose",
                table: "Funds",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Funds",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "DocumentNumber",
                table: "Funds",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Funds",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "WithdrawalReason",
                table: "Exits",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ResponsibleRole",
                table: "Exits",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Exits",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "AssessmentJson",
                table: "Exits",
                type: "nvarchar(max)",
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ExitCriteria",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "IncidenceSource",
                table: "ExitCriteria",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "Grade",
                table: "Entitlements",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AlterColumn<string>(
                name: "DocumentTitle",
                table: "Entitlements",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "DocumentNumber",
                table: "Entitlements",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Entitlements",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "ObjectionCode",
                table: "ContactReads",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "ActorSubject",
                table: "ContactReads",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "ActorRole",
                table: "ContactReads",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AlterColumn<string>(
                name: "ActorOrganizationCode",
                table: "ContactReads",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "RequestedByRole",
                table: "AuditRedactions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AlterColumn<string>(
                name: "RequestedBy",
                table: "AuditRedactions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                table: "AuditRedactions",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "LegalBasis",
                table: "AuditRedactions",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "Field",
                table: "AuditRedactions",
                type: "nvarchar(120)",
                maxLength: 120,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(120)",
                oldMaxLength: 120);

            migrationBuilder.AlterColumn<string>(
                name: "Erased",
                table: "AuditRedactions",
                type: "nvarchar(max)",
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<string>(
                name: "EntityType",
                table: "AuditRedactions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AlterColumn<string>(
                name: "EntityKey",
                table: "AuditRedactions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AlterColumn<string>(
                name: "DeclineReason",
                table: "AuditRedactions",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DecidedByRole",
                table: "AuditRedactions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DecidedBy",
                table: "AuditRedactions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "AuditRedactions",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(16)",
                oldMaxLength: 16);

            migrationBuilder.AlterColumn<string>(
                name: "Visibility",
                table: "AuditEntries",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(10)",
                oldMaxLength: 10);

            migrationBuilder.AlterColumn<string>(
                name: "Seed",
                table: "AuditEntries",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Salts",
                table: "AuditEntries",
                type: "nvarchar(max)",
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Redactions",
                table: "AuditEntries",
                type: "nvarchar(max)",
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Operation",
                table: "AuditEntries",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "EntityType",
                table: "AuditEntries",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AlterColumn<string>(
                name: "EntityKey",
                table: "AuditEntries",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AlterColumn<string>(
                name: "Before",
                table: "AuditEntries",
                type: "nvarchar(max)",
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "After",
                table: "AuditEntries",
                type: "nvarchar(max)",
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<string>(
                name: "ActorSubject",
                table: "AuditEntries",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "ActorRole",
                table: "AuditEntries",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50);

            migrationBuilder.AlterColumn<string>(
                name: "ActorOrganizationCode",
                table: "AuditEntries",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Signature",
                table: "AuditCheckpoints",
                type: "nvarchar(88)",
                maxLength: 88,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(88)",
                oldMaxLength: 88);

            migrationBuilder.AlterColumn<string>(
                name: "NextKeyId",
                table: "AuditCheckpoints",
                type: "nchar(16)",
                fixedLength: true,
                maxLength: 16,
                nullable: true,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nchar(16)",
                oldFixedLength: true,
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "KeyId",
                table: "AuditCheckpoints",
                type: "nchar(16)",
                fixedLength: true,
                maxLength: 16,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nchar(16)",
                oldFixedLength: true,
                oldMaxLength: 16);

            migrationBuilder.AlterColumn<string>(
                name: "Head",
                table: "AuditCheckpoints",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Assets",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Assets",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                collation: "Chinese_PRC_100_CI_AS_SC",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase(
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "MemberTitleLines",
                table: "WorkTeams",
                type: "nvarchar(610)",
                maxLength: 610,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(610)",
                oldMaxLength: 610,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "FirstSecretaryTitle",
                table: "WorkTeams",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(60)",
                oldMaxLength: 60,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "EndReason",
                table: "WorkTeams",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "WorkTeams",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Transactions",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Transactions",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Prefix",
                table: "RegisterSequences",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Regions",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ResponsibleRole",
                table: "Projects",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Projects",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Projects",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Projects",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "CancellationReason",
                table: "Projects",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Programs",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Programs",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Programs",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "LeaveReason",
                table: "ProgramMemberships",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Motivation",
                table: "ProgramApplications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DecisionReason",
                table: "ProgramApplications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Unit",
                table: "Pledges",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Pledges",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "CancellationReason",
                table: "Pledges",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ReceivedBy",
                table: "PledgeDeliveries",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Evidence",
                table: "PledgeDeliveries",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Unit",
                table: "PerformanceTargets",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Indicator",
                table: "PerformanceTargets",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "YearlyPlan",
                table: "Pairings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "EndReason",
                table: "Pairings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Pairings",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Place",
                table: "Organizations",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Organizations",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Organizations",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "CreditCode",
                table: "Organizations",
                type: "nchar(18)",
                fixedLength: true,
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nchar(18)",
                oldFixedLength: true,
                oldMaxLength: 18,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Organizations",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DescriptionHiddenReason",
                table: "Objections",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DescriptionHiddenBy",
                table: "Objections",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Objections",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ContactPhone",
                table: "Objections",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(30)",
                oldMaxLength: 30,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ContactName",
                table: "Objections",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Objections",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "AnsweredBy",
                table: "Objections",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Answer",
                table: "Objections",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "WithdrawalReason",
                table: "Notices",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Notices",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "SupervisionPhone",
                table: "Notices",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "LocalSupervisionPhone",
                table: "Notices",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "CorrectionReason",
                table: "Notices",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Notices",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "Notices",
                type: "nvarchar(max)",
                maxLength: 20000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldMaxLength: 20000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Unit",
                table: "Needs",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Needs",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ReviewerName",
                table: "Needs",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "RejectionReason",
                table: "Needs",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Needs",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Needs",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "CapOverrideReason",
                table: "Needs",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "CorrectionReason",
                table: "MicrocreditRecords",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Grants",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(64)",
                oldMaxLength: 64,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Role",
                table: "Grants",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "RevokedBy",
                table: "Grants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "RevokeReason",
                table: "Grants",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                table: "Grants",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "PersonName",
                table: "Grants",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "GrantedBy",
                table: "Grants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Purpose",
                table: "Funds",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Funds",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DocumentNumber",
                table: "Funds",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Funds",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "WithdrawalReason",
                table: "Exits",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ResponsibleRole",
                table: "Exits",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Exits",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "AssessmentJson",
                table: "Exits",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ExitCriteria",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "IncidenceSource",
                table: "ExitCriteria",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Grade",
                table: "Entitlements",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DocumentTitle",
                table: "Entitlements",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(300)",
                oldMaxLength: 300,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DocumentNumber",
                table: "Entitlements",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Entitlements",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ObjectionCode",
                table: "ContactReads",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ActorSubject",
                table: "ContactReads",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ActorRole",
                table: "ContactReads",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ActorOrganizationCode",
                table: "ContactReads",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "RequestedByRole",
                table: "AuditRedactions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "RequestedBy",
                table: "AuditRedactions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                table: "AuditRedactions",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "LegalBasis",
                table: "AuditRedactions",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Field",
                table: "AuditRedactions",
                type: "nvarchar(120)",
                maxLength: 120,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(120)",
                oldMaxLength: 120,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Erased",
                table: "AuditRedactions",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "EntityType",
                table: "AuditRedactions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "EntityKey",
                table: "AuditRedactions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DeclineReason",
                table: "AuditRedactions",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DecidedByRole",
                table: "AuditRedactions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "DecidedBy",
                table: "AuditRedactions",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "AuditRedactions",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(16)",
                oldMaxLength: 16,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Visibility",
                table: "AuditEntries",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(10)",
                oldMaxLength: 10,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Seed",
                table: "AuditEntries",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Salts",
                table: "AuditEntries",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Redactions",
                table: "AuditEntries",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Operation",
                table: "AuditEntries",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "EntityType",
                table: "AuditEntries",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "EntityKey",
                table: "AuditEntries",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Before",
                table: "AuditEntries",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "After",
                table: "AuditEntries",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ActorSubject",
                table: "AuditEntries",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ActorRole",
                table: "AuditEntries",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(50)",
                oldMaxLength: 50,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "ActorOrganizationCode",
                table: "AuditEntries",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Signature",
                table: "AuditCheckpoints",
                type: "nvarchar(88)",
                maxLength: 88,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(88)",
                oldMaxLength: 88,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "NextKeyId",
                table: "AuditCheckpoints",
                type: "nchar(16)",
                fixedLength: true,
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nchar(16)",
                oldFixedLength: true,
                oldMaxLength: 16,
                oldNullable: true,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "KeyId",
                table: "AuditCheckpoints",
                type: "nchar(16)",
                fixedLength: true,
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nchar(16)",
                oldFixedLength: true,
                oldMaxLength: 16,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Head",
                table: "AuditCheckpoints",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nchar(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Assets",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Assets",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldCollation: "Chinese_PRC_100_CI_AS_SC");
        }
    }
}
