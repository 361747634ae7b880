using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditSign : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    IsRotation = table.Column<bool>(type: "bit", nullable: false),
                    Head = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KeyId = table.Column<string>(type: "nchar(16)", fixedLength: true, maxLength: 16, nullable: false),
                    NextKeyId = table.Column<string>(type: "nchar(16)", fixedLength: true, maxLength: 16, nullable: true),
                    Signature = table.Column<string>(type: "nvarchar(88)", maxLength: 88, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => new { x.Sequence, x.IsRotation });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditCheckpoints");
        }
    }
}
