using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SenderAccountsAndSendGrace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SendStartedAt",
                table: "Dispatches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Ar24SenderAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    BoundAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ar24SenderAccounts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ar24SenderAccounts_Email",
                table: "Ar24SenderAccounts",
                column: "Email",
                unique: true);

            // Letters caught "Envoi en cours" or "À vérifier" by the upgrade get the full grace before "not found" is believed.
            migrationBuilder.Sql("UPDATE \"Dispatches\" SET \"SendStartedAt\" = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE \"State\" IN (1, 2)");
            // Addresses are compared in lower case from now on, across firms.
            migrationBuilder.Sql("UPDATE \"Cabinets\" SET \"Email\" = lower(trim(\"Email\")) WHERE \"Email\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "SendStartedAt",
                table: "Dispatches");
        }
    }
}
