using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Onboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Organizations_Regions_RegionCode",
                table: "Organizations");

            migrationBuilder.AddColumn<int>(
                name: "EndYear",
                table: "Programs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Programs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LeaveReason",
                table: "ProgramMemberships",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "ProgramMemberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Pairings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "Pairings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "RegionCode",
                table: "Organizations",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "OutsideProvince",
                table: "Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "Organizations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // Programs stored before they had a kind: the demo's campaigns by their code, any other as a campaign.
            migrationBuilder.Sql("UPDATE Programs SET Kind = CASE Code WHEN 'YGXZ' THEN 2 WHEN 'XSBXK' THEN 3 WHEN 'DDFP' THEN 4 ELSE 1 END");

            migrationBuilder.CreateTable(
                name: "ProgramApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramApplications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramApplications_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramApplications_OrganizationId_Id",
                table: "ProgramApplications",
                columns: new[] { "OrganizationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramApplications_ProgramId_OrganizationId",
                table: "ProgramApplications",
                columns: new[] { "ProgramId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramApplications_Status_Id",
                table: "ProgramApplications",
                columns: new[] { "Status", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_Organizations_Regions_RegionCode",
                table: "Organizations",
                column: "RegionCode",
                principalTable: "Regions",
                principalColumn: "Code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Organizations_Regions_RegionCode",
                table: "Organizations");

            migrationBuilder.DropTable(
                name: "ProgramApplications");

            migrationBuilder.DropColumn(
                name: "EndYear",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "LeaveReason",
                table: "ProgramMemberships");

            migrationBuilder.DropColumn(
                name: "LeftOn",
                table: "ProgramMemberships");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "OutsideProvince",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "Organizations");

            migrationBuilder.AlterColumn<long>(
                name: "RegionCode",
                table: "Organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Organizations_Regions_RegionCode",
                table: "Organizations",
                column: "RegionCode",
                principalTable: "Regions",
                principalColumn: "Code",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
