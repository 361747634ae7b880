using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VillageChecklistsAndMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegionMonitoring",
                columns: table => new
                {
                    RegionCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleExited = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleRelapsed = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdsMonitored = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionMonitoring", x => new { x.RegionCode, x.Year });
                    table.ForeignKey(
                        name: "FK_RegionMonitoring_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VillageFacilities",
                columns: table => new
                {
                    RegionCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PresentMask = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageFacilities", x => new { x.RegionCode, x.Year });
                    table.ForeignKey(
                        name: "FK_VillageFacilities_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegionMonitoring_Level_Year",
                table: "RegionMonitoring",
                columns: new[] { "Level", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegionMonitoring");

            migrationBuilder.DropTable(
                name: "VillageFacilities");
        }
    }
}
