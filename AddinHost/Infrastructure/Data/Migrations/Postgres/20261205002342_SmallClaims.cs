using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SmallClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SmallClaimsAgreed",
                table: "JudicialFiles",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SmallClaimsAnsweredOn",
                table: "JudicialFiles",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmallClaimsCommissaire",
                table: "JudicialFiles",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SmallClaimsInvitedOn",
                table: "JudicialFiles",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SmallClaimsTitleOn",
                table: "JudicialFiles",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmallClaimsTitleReference",
                table: "JudicialFiles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SmallClaimsAgreed",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsAnsweredOn",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsCommissaire",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsInvitedOn",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsTitleOn",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsTitleReference",
                table: "JudicialFiles");
        }
    }
}
