namespace CoordBot.Domain;

/// <summary>Marker for the pure domain assembly.</summary>
public static class DomainAssembly;
