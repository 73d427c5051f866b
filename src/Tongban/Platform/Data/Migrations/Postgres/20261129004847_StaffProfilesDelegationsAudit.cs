using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffProfilesDelegationsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "MobileNumber",
                table: "Residents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AddColumn<int>(
                name: "AccessibilityNeeds",
                table: "Residents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ContactChannel",
                table: "Residents",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateOfBirth",
                table: "Residents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DistrictCode",
                table: "Residents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FullName",
                table: "Residents",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumber",
                table: "Residents",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalAddress",
                table: "Residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "Residents",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "Residents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "StatisticsConsent",
                table: "Residents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AssistedSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IdentityCheck = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConsentReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistedSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistedSessions_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditHeads",
                columns: table => new
                {
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    LastHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditHeads", x => x.ResidentId);
                });

            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Action = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProxyMobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ProxyIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    ProxyName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProxyId = table.Column<Guid>(type: "uuid", nullable: true),
                    AllServices = table.Column<bool>(type: "boolean", nullable: false),
                    ServiceCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Delegations_Residents_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Delegations_Residents_ProxyId",
                        column: x => x.ProxyId,
                        principalTable: "Residents",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HallCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PasswordHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TotpSecret = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastTotpStep = table.Column<long>(type: "bigint", nullable: false),
                    FailedSignIns = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SecurityStamp = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_IdNumber",
                table: "Residents",
                column: "IdNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistedSessions_ResidentId",
                table: "AssistedSessions",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistedSessions_StaffId_ResidentId",
                table: "AssistedSessions",
                columns: new[] { "StaffId", "ResidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ResidentId_Sequence",
                table: "AuditRecords",
                columns: new[] { "ResidentId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_GrantorId",
                table: "Delegations",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_ProxyId",
                table: "Delegations",
                column: "ProxyId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_ProxyIdNumber",
                table: "Delegations",
                column: "ProxyIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_ProxyMobile",
                table: "Delegations",
                column: "ProxyMobile");

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_UserName",
                table: "StaffMembers",
                column: "UserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistedSessions");

            migrationBuilder.DropTable(
                name: "AuditHeads");

            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "Delegations");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.DropIndex(
                name: "IX_Residents_IdNumber",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "AccessibilityNeeds",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "ContactChannel",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DateOfBirth",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DistrictCode",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "FullName",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IdNumber",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "PostalAddress",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "StatisticsConsent",
                table: "Residents");

            migrationBuilder.AlterColumn<string>(
                name: "MobileNumber",
                table: "Residents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);
        }
    }
}
