using System.Text.RegularExpressions;
using CoordBot.Council;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace CoordBot.Features.Bodies;

/// <summary>What an update acts in: a body (null: one-body deployment, no scope), or a question which body, with the candidates.</summary>
public sealed record BodyChoice(int? BodyId, IReadOnlyList<BodyDefinition>? Ask = null, string? CommandName = null)
{
    /// <summary>A one-body deployment's choice: no scope, nothing asked.</summary>
    public static BodyChoice OneBody { get; } = new((int?)null);
}

/// <summary>
/// Decides the body an update acts in (issue 25, item 4), before anyone reads a row: a linked group's body is the
/// group's; in a private chat the body's key typed first (<c>/schedule 1718 ...</c>, taken off the command), else the
/// body of the object it names (<c>D3</c>, <c>S2</c>, <c>A5</c>, <c>M4</c>, an invitation), else the person's only
/// body; a command that creates something, or a bare command that opens its guide over a body's drafts, sessions or votes
/// (<c>/silence</c>), asks which body when the person belongs to several. A person in one body is never asked, and a
/// single-body deployment is left exactly as it was.
/// </summary>
public sealed partial class UpdateBodies(CouncilProvider council, IOptions<BotOptions> bot, Delegations.PresidencyService presidency, Telegram.Guides.GuideRunner guides)
{
    /// <summary>Commands that create something in a body: asked which body when the sender belongs to several.</summary>
    private static readonly HashSet<string> Creating = new(StringComparer.OrdinalIgnoreCase) { "schedule", "draft_new", "invite", "setpresident", "linkgroup" };

    /// <summary>Whether there is a choice to make at all (a one-body deployment reads nothing for it).</summary>
    public bool IsMultiBody => council.IsMultiBody;

    public async Task<BodyChoice> ChooseAsync(CoordBotDb db, Update update, long chatId, long userId, CancellationToken cancellationToken)
    {
        if (!council.IsMultiBody)
        {
            return BodyChoice.OneBody;
        }

        if (chatId < 0 && await db.DelegationGroups.IgnoreQueryFilters().Where(g => g.ChatId == chatId).Select(g => (int?)g.BodyId).FirstOrDefaultAsync(cancellationToken) is { } groupBody)
        {
            // A linked group acts only in its own body; its key typed first is taken off, another body's key is left to fail.
            TakeKey(update, council.Find(groupBody)?.Key);
            return new BodyChoice(groupBody);
        }

        var theirs = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == userId && m.EndedAt == null)
            .Select(m => m.BodyId).Distinct().ToListAsync(cancellationToken);
        var isOperator = bot.Value.Operators.Contains(userId);
        var (text, _) = TextOf(update);
        var words = text is null ? [] : text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var name = words.Length > 0 ? words[0].TrimStart('/').Split('@')[0] : null;

        // An answer to a guide (a button of its steps, a typed reply) acts in the body the guide started in: a title or Confirm names none,
        // and a word of the answer that happens to be a body's key (a title with 1718 in it) chooses nothing.
        if (chatId > 0 && IsGuideAnswer(update)
            && await db.Set<Telegram.Guides.GuideState>().Where(g => g.ChatId == chatId && g.UserId == userId).Select(g => g.BodyId).FirstOrDefaultAsync(cancellationToken) is { } guided
            && (isOperator || theirs.Contains(guided)))
        {
            return new BodyChoice(guided);
        }

        if (words.Length > 1 && council.FindByKey(words[1]) is { } keyed)
        {
            TakeKey(update, keyed.Key);
            return new BodyChoice(keyed.Id);
        }

        // An object of a body the person sits on names that body; an invitation names its body to anyone who holds its
        // token (joining a body one does not sit on yet is what it is for: Estonia's head joining the 1718 Committee).
        if (await BodyOfObjectAsync(db, words.Skip(1), cancellationToken) is ({ } objectBody, var invitation)
            && (invitation || isOperator || theirs.Contains(objectBody)))
        {
            return new BodyChoice(objectBody);
        }

        var mine = council.Bodies.Where(b => isOperator || theirs.Contains(b.Id)).ToList();
        // A bare command that starts its guide in a private chat: the guide's choices are one body's (its drafts under silence),
        // so a person in several is asked first, never shown the first body's alone.
        var opensGuide = chatId > 0 && words.Length == 1 && update.Message?.Document is null && name is not null && guides.Find(name) is not null;
        if (mine.Count > 1 && name is not null && (Creating.Contains(name) || opensGuide))
        {
            return new BodyChoice(null, mine, name.ToLowerInvariant());
        }

        return new BodyChoice(mine.Count > 0 ? mine[0].Id : council.Bodies[0].Id);
    }

    /// <summary>
    /// The sender as they are in each of <paramref name="candidates"/> (their delegation and role there, that body's president),
    /// so a question which body offers only the bodies where the command's rule admits them, and reveals nothing.
    /// </summary>
    public async Task<IReadOnlyList<(BodyDefinition Body, Actor Actor)>> AsInEachAsync(
        CoordBotDb db, IReadOnlyList<BodyDefinition> candidates, Actor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(actor);
        var each = new List<(BodyDefinition, Actor)>();
        foreach (var candidate in candidates)
        {
            using var scope = BodyScope.Enter(candidate.Id);
            var membership = await db.Memberships.Where(m => m.UserId == actor.UserId && m.EndedAt == null)
                .Select(m => new { m.DelegationCode, m.Role }).FirstOrDefaultAsync(cancellationToken);
            each.Add((candidate, actor with
            {
                DelegationCode = membership?.DelegationCode,
                Role = membership?.Role,
                PresidentCode = await presidency.PresidentCodeAsync(db, nowUtc, cancellationToken),
            }));
        }

        return each;
    }

    /// <summary>The body of the first object the words name (a draft, session, agenda item, amendment or invitation), if any.</summary>
    private static async Task<(int? Body, bool Invitation)> BodyOfObjectAsync(CoordBotDb db, IEnumerable<string> words, CancellationToken cancellationToken)
    {
        foreach (var word in words)
        {
            foreach (var token in Tokens().Split(word))
            {
                if (ObjectId().Match(token) is not { Success: true } match || !long.TryParse(match.Groups[2].Value, out var id))
                {
                    if (token.Length >= 16 && await db.Invitations.IgnoreQueryFilters().Where(i => i.Token == token).Select(i => (int?)i.BodyId).FirstOrDefaultAsync(cancellationToken) is { } invited)
                    {
                        return (invited, true);
                    }

                    continue;
                }

                var body = char.ToUpperInvariant(match.Groups[1].Value[0]) switch
                {
                    'D' => await db.Drafts.IgnoreQueryFilters().Where(d => d.Id == id).Select(d => (int?)d.BodyId).FirstOrDefaultAsync(cancellationToken),
                    'S' => await db.Sessions.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => (int?)s.BodyId).FirstOrDefaultAsync(cancellationToken),
                    'A' => await db.AgendaItems.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => (int?)a.BodyId).FirstOrDefaultAsync(cancellationToken),
                    _ => await db.DraftAmendments.Where(m => m.Id == id)
                        .Join(db.Drafts.IgnoreQueryFilters(), m => m.DraftId, d => d.Id, (m, d) => (int?)d.BodyId).FirstOrDefaultAsync(cancellationToken),
                };
                if (body is not null)
                {
                    return (body, false);
                }
            }
        }

        return (null, false);
    }

    private static bool IsGuideAnswer(Update update) =>
        update.Message is { } message ? !(message.Text ?? message.Caption ?? string.Empty).TrimStart().StartsWith('/')
        : update.CallbackQuery?.Data?.StartsWith(Telegram.Guides.GuideRunner.Prefix + ":", StringComparison.Ordinal) == true;

    private static (string? Text, bool IsButton) TextOf(Update update) =>
        update.Message is { } message ? (message.Text ?? message.Caption, false)
        : update.CallbackQuery?.Data is { } data && data.StartsWith("r:", StringComparison.Ordinal) ? ("/" + data[2..], true)
        : update.CallbackQuery?.Data is { } other ? (other.Replace(':', ' '), true)
        : (null, false);

    /// <summary>Takes the body's key off the command (<c>/schedule 1718 2026-12-10 ...</c> becomes <c>/schedule 2026-12-10 ...</c>).</summary>
    private static void TakeKey(Update update, string? key)
    {
        if (key is null)
        {
            return;
        }

        var pattern = new Regex($@"^((?:/|r:)[A-Za-z0-9_]+(?:@\w+)?)[ \t]+{Regex.Escape(key)}(?=\s|$)[ \t]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        string Strip(string s) => pattern.Replace(s, m => m.Groups[1].Value + " ", 1).TrimEnd(' ');
        if (update.Message is { } message)
        {
            if (message.Text is { } text)
            {
                message.Text = Strip(text);
            }
            else if (message.Caption is { } caption)
            {
                message.Caption = Strip(caption);
            }
        }
        else if (update.CallbackQuery is { Data: { } data } query)
        {
            query.Data = Strip(data);
        }
    }

    [GeneratedRegex(@"[^A-Za-z0-9_\-]+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^([DSAMdsam])(\d{1,18})$")]
    private static partial Regex ObjectId();
}
