using Npgsql;
using Tongban.Platform.Data;

namespace Tongban.Tests.Platform.Data;

/// <summary>On PostgreSQL a node prepares the statements it asks often, unless the operator says otherwise (ADR 0037).</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void AConnectionStringThatSaysNothing_PreparesStatementsOnTheirSecondUse()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.WithDefaults("Host=db.example;Database=tongban;Username=tongban"));

        Assert.Equal((PostgresConnectionString.PreparedStatements, PostgresConnectionString.UsesBeforePreparing), (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages));
        Assert.Equal(("db.example", "tongban"), (builder.Host, builder.Database)); // and the rest as she wrote it
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0, 5)] // a pooler in transaction mode that keeps no prepared statements
    [InlineData("Host=db.example;max auto prepare=20", 20, 5)]
    [InlineData("Host=db.example;MaxAutoPrepare=30;Auto Prepare Min Usages=3", 30, 3)]
    public void WhatTheOperatorSet_IsKept(string connectionString, int prepared, int uses)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.WithDefaults(connectionString));

        Assert.Equal((prepared, uses), (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages));
    }

    [Fact]
    public void UsesAloneDoNotTurnPreparingOn_WhenTheOperatorChoseSomeUses()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.WithDefaults("Host=db.example;Auto Prepare Min Usages=4"));

        Assert.Equal((PostgresConnectionString.PreparedStatements, 4), (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages));
    }
}
