using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HouseholdHelperCounts",
                columns: table => new
                {
                    VillageCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdHelperCounts", x => new { x.VillageCode, x.Year, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_HouseholdHelperCounts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdHelperCounts_Regions_VillageCode",
                        column: x => x.VillageCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageCode = table.Column<long>(type: "INTEGER", nullable: false),
                    ActiveVillageCode = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSecretaryTitle = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    FirstSecretaryOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberTitleLines = table.Column<string>(type: "TEXT", maxLength: 610, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkTeams_Organizations_FirstSecretaryOrganizationId",
                        column: x => x.FirstSecretaryOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_WorkTeams_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkTeams_Regions_VillageCode",
                        column: x => x.VillageCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdHelperCounts_OrganizationId",
                table: "HouseholdHelperCounts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeams_ActiveVillageCode",
                table: "WorkTeams",
                column: "ActiveVillageCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeams_Code",
                table: "WorkTeams",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeams_FirstSecretaryOrganizationId",
                table: "WorkTeams",
                column: "FirstSecretaryOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeams_OrganizationId_Id",
                table: "WorkTeams",
                columns: new[] { "OrganizationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeams_VillageCode_Id",
                table: "WorkTeams",
                columns: new[] { "VillageCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseholdHelperCounts");

            migrationBuilder.DropTable(
                name: "WorkTeams");
        }
    }
}
