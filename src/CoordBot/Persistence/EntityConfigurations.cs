using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Persistence;

/// <summary>
/// Applies every <see cref="IEntityTypeConfiguration{TEntity}"/> of an assembly, as EF's <c>ApplyConfigurationsFromAssembly</c>
/// does, loading only them (<see cref="ModelTypes"/> says why).
/// </summary>
internal static class EntityConfigurations
{
    private static readonly MethodInfo ApplyMethod = typeof(ModelBuilder).GetMethods()
        .Single(m => m.Name == nameof(ModelBuilder.ApplyConfiguration) && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));

    public static void Apply(ModelBuilder modelBuilder, Assembly assembly)
    {
        // In EF's order (by full name), so the model is built exactly as before.
        foreach (var type in ModelTypes.Implementing(assembly, "Microsoft.EntityFrameworkCore", "IEntityTypeConfiguration`1").OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var instance = Activator.CreateInstance(type)!;
            foreach (var configuration in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            {
                ApplyMethod.MakeGenericMethod(configuration.GenericTypeArguments[0]).Invoke(modelBuilder, [instance]);
            }
        }
    }
}
