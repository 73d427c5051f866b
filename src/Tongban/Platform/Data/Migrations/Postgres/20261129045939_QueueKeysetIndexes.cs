using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_DueOn_SubmittedAt_Reference",
                table: "Cases",
                columns: new[] { "DueOn", "SubmittedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_ServiceCode",
                table: "Cases",
                columns: new[] { "Status", "ServiceCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_DueOn_SubmittedAt_Reference",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_ServiceCode",
                table: "Cases");
        }
    }
}
