using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace CoordBot.Persistence;

#pragma warning disable EF1001 // EF's own migrations assembly, with its type scan replaced (ModelTypes says why); nothing else changes.
/// <summary>EF's migrations assembly, finding the context's migrations and snapshot without loading every type (<see cref="ModelTypes"/>).</summary>
internal sealed class MetadataMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly Type _context = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotRead;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= (
        from type in ModelTypes.Deriving(Assembly, "Microsoft.EntityFrameworkCore.Migrations", nameof(Migration))
        where type.GetCustomAttribute<DbContextAttribute>()?.ContextType == _context
        let id = type.GetCustomAttribute<MigrationAttribute>()?.Id
        where id is not null
        orderby id
        select (id, type.GetTypeInfo())).ToDictionary(m => m.id!, m => m.Item2);

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotRead)
            {
                _snapshot = ModelTypes.Deriving(Assembly, "Microsoft.EntityFrameworkCore.Infrastructure", "ModelSnapshot")
                    .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _context)
                    .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!)
                    .FirstOrDefault();
                _snapshotRead = true;
            }

            return _snapshot;
        }
    }
}
#pragma warning restore EF1001
