using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CoordBot.Persistence;

/// <summary>
/// Finds the types EF Core looks for in the bot's assembly (entity configurations, migrations, model snapshots) in the
/// assembly's metadata, and loads only them. EF's own scans load every type of the assembly, and with the sandbox's async
/// methods (whose state machines hold awaiters of the emulator's types) the Bot API emulator's assembly too, on the
/// production path that never runs the sandbox.
/// </summary>
internal static class ModelTypes
{
    /// <summary>The top-level, non-abstract classes that implement the generic interface <paramref name="ns"/>.<paramref name="name"/>.</summary>
    public static IReadOnlyList<Type> Implementing(Assembly assembly, string ns, string name) =>
        Find(assembly, (reader, definition) => definition.GetInterfaceImplementations()
            .Any(i => IsGenericInstanceOf(reader, reader.GetInterfaceImplementation(i).Interface, ns, name)));

    /// <summary>The top-level, non-abstract classes whose base class is <paramref name="ns"/>.<paramref name="name"/>.</summary>
    public static IReadOnlyList<Type> Deriving(Assembly assembly, string ns, string name) =>
        Find(assembly, (reader, definition) => IsReference(reader, definition.BaseType, ns, name));

    private static List<Type> Find(Assembly assembly, Func<MetadataReader, TypeDefinition, bool> match)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var reader = pe.GetMetadataReader();
        var types = new List<Type>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var definition = reader.GetTypeDefinition(handle);
            // Never nested: closures and state machines are, and loading them is what this avoids.
            if (definition.GetDeclaringType().IsNil && (definition.Attributes & TypeAttributes.Abstract) == 0 && match(reader, definition))
            {
                var ns = reader.GetString(definition.Namespace);
                var name = reader.GetString(definition.Name);
                types.Add(assembly.GetType(ns.Length == 0 ? name : $"{ns}.{name}", throwOnError: true)!);
            }
        }

        return types;
    }

    private static bool IsReference(MetadataReader reader, EntityHandle handle, string ns, string name)
    {
        if (handle.IsNil || handle.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
        return reader.StringComparer.Equals(reference.Name, name) && reader.StringComparer.Equals(reference.Namespace, ns);
    }

    private static bool IsGenericInstanceOf(MetadataReader reader, EntityHandle handle, string ns, string name)
    {
        if (handle.Kind != HandleKind.TypeSpecification)
        {
            return false;
        }

        var signature = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
        if (signature.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return false;
        }

        signature.ReadSignatureTypeCode(); // class or value type
        return IsReference(reader, signature.ReadTypeHandle(), ns, name);
    }
}
