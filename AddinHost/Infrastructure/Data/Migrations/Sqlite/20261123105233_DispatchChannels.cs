using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DispatchChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChannelReason",
                table: "Dispatches",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PostedOn",
                table: "Dispatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderEmail",
                table: "Dispatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderOtp",
                table: "Dispatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingNumber",
                table: "Dispatches",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChannelReason",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "PostedOn",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "SenderEmail",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "SenderOtp",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "TrackingNumber",
                table: "Dispatches");
        }
    }
}
