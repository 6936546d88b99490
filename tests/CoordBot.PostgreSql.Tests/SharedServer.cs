namespace CoordBot.PostgreSql.Tests;

/// <summary>
/// Every class here uses the one throw-away PostgreSQL server of the test process, and the cluster classes take real
/// time (elections, leases, Quartz check-ins across hosts and processes): they run one at a time, so one class's load
/// (hundreds of connections, child processes) neither stretches another's elections nor exhausts the server.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedServer
{
    public const string Name = "shared PostgreSQL server";
}

/// <summary>The former name of <see cref="SharedServer"/>, kept so classes written against it join the same collection.</summary>
public static class ChildProcesses
{
    public const string Name = SharedServer.Name;
}
