using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
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
                    ClientId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Minute = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
