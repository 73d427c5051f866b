using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnerRequestLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartnerRequestWindows",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Minute = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerRequestWindows", x => new { x.ClientId, x.Minute });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerRequestWindows");
        }
    }
}
