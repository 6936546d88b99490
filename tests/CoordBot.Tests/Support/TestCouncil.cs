using CoordBot.Domain.Council;
using CoordBot.Domain.Membership;

namespace CoordBot.Tests.Support;

/// <summary>
/// The council of the end-to-end tests: the fifteen delegations of the 2020 preset, with one id scheme for all of them.
/// The n-th delegation (preset order, from 0) has its head at 3000+n, adviser at 3100+n, observer at 3200+n, deputy at
/// 4000+n and linked group at -5000-n; operators and other people of a test keep ids outside these ranges.
/// </summary>
public static class TestCouncil
{
    public static readonly IReadOnlyList<string> Codes = CouncilPresets.SecurityCouncil2020.Members.Select(m => m.Code).ToList();

    public static long HeadOf(string code) => 3000 + Index(code);

    public static long DeputyOf(string code) => 4000 + Index(code);

    public static long AdviserOf(string code) => 3100 + Index(code);

    public static long ObserverOf(string code) => 3200 + Index(code);

    public static long GroupOf(string code) => -5000 - Index(code);

    /// <summary>The delegation's English name ("Estonia"), as the bot writes it.</summary>
    public static string NameOf(string code) => CouncilPresets.SecurityCouncil2020.NameOf(code);

    /// <summary>A builder of this council: <c>await TestCouncil.Seed().WithGroups().SeedAsync(bot)</c>.</summary>
    public static CouncilBuilder Seed(params string[] codes) => new(codes.Length == 0 ? Codes : codes);

    private static int Index(string code)
    {
        var index = Codes is List<string> list ? list.IndexOf(code) : Codes.ToList().IndexOf(code);
        return index >= 0 ? index : throw new ArgumentException($"{code} is not a member of the test council", nameof(code));
    }
}

/// <summary>Seeds delegations of <see cref="TestCouncil"/> into a running bot: heads always, other roles and groups when asked.</summary>
public sealed class CouncilBuilder
{
    private readonly IReadOnlyList<string> _codes;
    private readonly HashSet<DelegationRole> _roles = [DelegationRole.Head];
    private bool _groups;
    private IReadOnlyCollection<string> _withoutGroups = [];
    private Func<string, DelegationRole, string> _name = (code, role) => $"{role} of {code}";
    private string _timeZone = "UTC";
    private readonly Dictionary<string, string> _zones = new(StringComparer.Ordinal);

    internal CouncilBuilder(IReadOnlyList<string> codes) => _codes = codes;

    public CouncilBuilder WithDeputies() => With(DelegationRole.Deputy);

    public CouncilBuilder WithAdvisers() => With(DelegationRole.Adviser);

    public CouncilBuilder WithObservers() => With(DelegationRole.Observer);

    /// <summary>Each delegation's group linked at <see cref="TestCouncil.GroupOf"/>, but for the delegations in <paramref name="except"/>.</summary>
    public CouncilBuilder WithGroups(params IReadOnlyCollection<string> except)
    {
        _groups = true;
        _withoutGroups = except;
        return this;
    }

    /// <summary>Display names (default "Head of EST").</summary>
    public CouncilBuilder Named(Func<string, DelegationRole, string> name)
    {
        _name = name;
        return this;
    }

    /// <summary>Everyone's time zone (default UTC).</summary>
    public CouncilBuilder InZone(string timeZone)
    {
        _timeZone = timeZone;
        return this;
    }

    /// <summary>The time zone of one delegation's people.</summary>
    public CouncilBuilder InZone(string code, string timeZone)
    {
        _zones[code] = timeZone;
        return this;
    }

    public async Task SeedAsync(BotHarness bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        foreach (var code in _codes)
        {
            foreach (var role in _roles.Order())
            {
                await bot.SeedMemberAsync(IdOf(role, code), code, role, _name(code, role), _zones.GetValueOrDefault(code, _timeZone));
            }

            if (_groups && !_withoutGroups.Contains(code))
            {
                await bot.LinkGroupAsync(code, TestCouncil.GroupOf(code));
            }
        }
    }

    private CouncilBuilder With(DelegationRole role)
    {
        _roles.Add(role);
        return this;
    }

    private static long IdOf(DelegationRole role, string code) => role switch
    {
        DelegationRole.Head => TestCouncil.HeadOf(code),
        DelegationRole.Deputy => TestCouncil.DeputyOf(code),
        DelegationRole.Adviser => TestCouncil.AdviserOf(code),
        DelegationRole.Observer => TestCouncil.ObserverOf(code),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
