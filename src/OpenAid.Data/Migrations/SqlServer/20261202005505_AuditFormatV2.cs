using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditFormatV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQL Server cannot drop IDENTITY from a column (the writer now assigns the sequence, which the hash covers):
            // the table is rebuilt and its rows copied.
            migrationBuilder.DropIndex(name: "IX_AuditEntries_EntityType_EntityKey_Id", table: "AuditEntries");
            migrationBuilder.DropIndex(name: "IX_AuditEntries_PreviousHash", table: "AuditEntries");
            migrationBuilder.DropPrimaryKey(name: "PK_AuditEntries", table: "AuditEntries");
            migrationBuilder.RenameTable(name: "AuditEntries", newName: "AuditEntriesV1");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorSubject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ActorOrganizationCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    EntityType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    EntityKey = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Operation = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Before = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    After = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Visibility = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false, defaultValue: "public"),
                    Seed = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: true),
                    Salts = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Redactions = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PreviousHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.Sql(
                "INSERT INTO AuditEntries (Id, At, ActorSubject, ActorRole, ActorOrganizationCode, EntityType, EntityKey, Operation, Before, After, Visibility, PreviousHash, Hash) "
                + "SELECT Id, At, ActorSubject, ActorRole, ActorOrganizationCode, EntityType, EntityKey, Operation, Before, After, 'public', PreviousHash, Hash FROM AuditEntriesV1;");
            migrationBuilder.DropTable(name: "AuditEntriesV1");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PreviousHash",
                table: "AuditEntries",
                column: "PreviousHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to a database-assigned identity: rebuilt the same way, keeping every entry's number.
            migrationBuilder.DropIndex(name: "IX_AuditEntries_EntityType_EntityKey_Id", table: "AuditEntries");
            migrationBuilder.DropIndex(name: "IX_AuditEntries_PreviousHash", table: "AuditEntries");
            migrationBuilder.DropPrimaryKey(name: "PK_AuditEntries", table: "AuditEntries");
            migrationBuilder.RenameTable(name: "AuditEntries", newName: "AuditEntriesV2");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorSubject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ActorOrganizationCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    EntityType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    EntityKey = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Operation = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Before = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    After = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PreviousHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.Sql(
                "SET IDENTITY_INSERT AuditEntries ON; "
                + "INSERT INTO AuditEntries (Id, At, ActorSubject, ActorRole, ActorOrganizationCode, EntityType, EntityKey, Operation, Before, After, PreviousHash, Hash) "
                + "SELECT Id, At, ActorSubject, ActorRole, ActorOrganizationCode, EntityType, EntityKey, Operation, Before, After, PreviousHash, Hash FROM AuditEntriesV2; "
                + "SET IDENTITY_INSERT AuditEntries OFF;");
            migrationBuilder.DropTable(name: "AuditEntriesV2");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PreviousHash",
                table: "AuditEntries",
                column: "PreviousHash",
                unique: true);
        }
    }
}
