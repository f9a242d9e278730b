using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Ar24Senders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecipientFirstname",
                table: "Dispatches",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientLastname",
                table: "Dispatches",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Country",
                table: "Cabinets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Siret",
                table: "Cabinets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VatNumber",
                table: "Cabinets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Ar24UserId",
                table: "Ar24SenderAccounts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CheckedAt",
                table: "Ar24SenderAccounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Firstname",
                table: "Ar24SenderAccounts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Ar24SenderAccounts",
                type: "character varying(1)",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Lastname",
                table: "Ar24SenderAccounts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "Ar24SenderAccounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "Ar24SenderAccounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "StateDetail",
                table: "Ar24SenderAccounts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "Ar24SenderAccounts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Ar24SenderClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Gender = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Firstname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Lastname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ar24SenderClaims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ar24SenderClaims_TenantId_Email",
                table: "Ar24SenderClaims",
                columns: new[] { "TenantId", "Email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ar24SenderClaims");

            migrationBuilder.DropColumn(
                name: "RecipientFirstname",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "RecipientLastname",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "Country",
                table: "Cabinets");

            migrationBuilder.DropColumn(
                name: "Siret",
                table: "Cabinets");

            migrationBuilder.DropColumn(
                name: "VatNumber",
                table: "Cabinets");

            migrationBuilder.DropColumn(
                name: "Ar24UserId",
                table: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "CheckedAt",
                table: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "Firstname",
                table: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "Lastname",
                table: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "StateDetail",
                table: "Ar24SenderAccounts");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "Ar24SenderAccounts");
        }
    }
}
