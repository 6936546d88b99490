using CoordBot.Domain;
using CoordBot.Domain.Membership;

namespace CoordBot.Features.Sessions;

/// <summary>The door rules of the Sessions and Agenda commands that need the sender's presidency as well (see <see cref="Permissions"/>).</summary>
internal static class SessionRules
{
    /// <summary>The chair, or a head or deputy (who may convene an Arria-formula meeting and run it).</summary>
    public static readonly Func<Actor, Verdict> RunSessions = a => Permissions.MayRunSessions(a, a.PresidentCode);
}
