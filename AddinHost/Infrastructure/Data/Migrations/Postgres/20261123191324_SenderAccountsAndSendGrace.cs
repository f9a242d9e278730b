using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Ar24SenderAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    BoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
            migrationBuilder.Sql("UPDATE \"Dispatches\" SET \"SendStartedAt\" = CAST(extract(epoch from now()) * 1000 AS bigint) WHERE \"State\" IN (1, 2)");
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
