using System.Data.Common;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoordBot.Cluster;

/// <summary>
/// One term of an elected role, as its holder knows it. Every claim and record the holder writes checks, in its own
/// transaction, that the role's term in the database is still this one: an instance that lost its lock connection but
/// not its process (and has not noticed yet) can never write beside its successor, which raised the term before its
/// first write. The check reads the term row <c>FOR SHARE</c>, so a successor's raise waits for a write already under way
/// and that write either commits before the new term or is refused after it.
/// </summary>
public sealed record Fence(Leadership Role, long Term)
{
    internal const string CurrentTermSql = "SELECT \"Term\" FROM \"ClusterTerm\" WHERE \"Role\" = @role FOR SHARE";

    internal const string RaiseTermSql =
        "INSERT INTO \"ClusterTerm\" (\"Role\", \"Term\", \"StartedAt\") VALUES (@role, 1, now()) " +
        "ON CONFLICT (\"Role\") DO UPDATE SET \"Term\" = \"ClusterTerm\".\"Term\" + 1, \"StartedAt\" = EXCLUDED.\"StartedAt\" RETURNING \"Term\"";

    /// <summary>Throws <see cref="TermSupersededException"/> unless the role's term is still this one; call inside the writing transaction.</summary>
    public async Task CheckAsync(CoordBotDb db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = CurrentTermSql;
        AddRole(command, Role);
        var current = await command.ExecuteScalarAsync(cancellationToken) is long term ? term : (long?)null;
        if (current != Term)
        {
            throw new TermSupersededException(this, current);
        }
    }

    internal static void AddRole(DbCommand command, Leadership role)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@role";
        parameter.Value = role.Key;
        command.Parameters.Add(parameter);
    }

    public override string ToString() => $"{Role} term {Term}";
}

/// <summary>A write of an elected role refused: another instance has begun a newer term of it.</summary>
public sealed class TermSupersededException(Fence fence, long? current)
    : Exception($"The {fence} is over (the role's term is now {current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}): this instance no longer acts as {fence.Role}")
{
    public Fence Fence { get; } = fence;
}
