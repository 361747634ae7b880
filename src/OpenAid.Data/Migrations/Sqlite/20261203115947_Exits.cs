using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Exits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HelpedHouseholdsPerCapitaIncomeFen",
                table: "VillageStatistics",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Finding",
                table: "Objections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IncidenceSource",
                table: "ExitCriteria",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MinCollectiveIncomeFromYear",
                table: "ExitCriteria",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinHelpedHouseholdIncomeShareBasisPoints",
                table: "ExitCriteria",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MinRuralIncomeFen",
                table: "ExitCriteria",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinRuralIncomeFromYear",
                table: "ExitCriteria",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinVillageIncomeShareBasisPoints",
                table: "ExitCriteria",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresInfrastructureSolved",
                table: "ExitCriteria",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CountyStatistics",
                columns: table => new
                {
                    RegionCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    PoorPeople = table.Column<int>(type: "INTEGER", nullable: false),
                    PoorHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    RuralPerCapitaDisposableIncomeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountyStatistics", x => new { x.RegionCode, x.Year });
                    table.ForeignKey(
                        name: "FK_CountyStatistics_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Exits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifyingOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticePeriodDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessmentJson = table.Column<string>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Exits_ExitCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "ExitCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Exits_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Exits_Organizations_VerifyingOrganizationId",
                        column: x => x.VerifyingOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Exits_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProvincialRuralIncomes",
                columns: table => new
                {
                    ProvinceCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PerCapitaIncomeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvincialRuralIncomes", x => new { x.ProvinceCode, x.Year });
                    table.ForeignKey(
                        name: "FK_ProvincialRuralIncomes_Regions_ProvinceCode",
                        column: x => x.ProvinceCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Exits_Code",
                table: "Exits",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exits_CriterionId",
                table: "Exits",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_Exits_NoticeId",
                table: "Exits",
                column: "NoticeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exits_RegionCode_Id",
                table: "Exits",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Exits_VerifyingOrganizationId",
                table: "Exits",
                column: "VerifyingOrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountyStatistics");

            migrationBuilder.DropTable(
                name: "Exits");

            migrationBuilder.DropTable(
                name: "ProvincialRuralIncomes");

            migrationBuilder.DropColumn(
                name: "HelpedHouseholdsPerCapitaIncomeFen",
                table: "VillageStatistics");

            migrationBuilder.DropColumn(
                name: "Finding",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "IncidenceSource",
                table: "ExitCriteria");

            migrationBuilder.DropColumn(
                name: "MinCollectiveIncomeFromYear",
                table: "ExitCriteria");

            migrationBuilder.DropColumn(
                name: "MinHelpedHouseholdIncomeShareBasisPoints",
                table: "ExitCriteria");

            migrationBuilder.DropColumn(
                name: "MinRuralIncomeFen",
                table: "ExitCriteria");

            migrationBuilder.DropColumn(
                name: "MinRuralIncomeFromYear",
                table: "ExitCriteria");

            migrationBuilder.DropColumn(
                name: "MinVillageIncomeShareBasisPoints",
                table: "ExitCriteria");

            migrationBuilder.DropColumn(
                name: "RequiresInfrastructureSolved",
                table: "ExitCriteria");
        }
    }
}
