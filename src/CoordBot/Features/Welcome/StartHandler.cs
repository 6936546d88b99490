using System.Globalization;
using System.Text.RegularExpressions;
using CoordBot.Council;
using CoordBot.Features.Delegations;
using CoordBot.Features.Drafts;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Welcome;

/// <summary>
/// <c>/start [token]</c>: a welcome that says what this user can do now (with a member's dashboard), redeems an
/// invitation, or opens the object of a deep link (<c>t.me/&lt;bot&gt;?start=D3</c>).
/// </summary>
internal sealed partial class StartHandler(JoinReplies join, CouncilProvider council, Dashboard.Dashboard dashboard, IServiceProvider services) : Command<string?>
{
    public override CommandInfo Info { get; } = new("start", "/start", "Welcome, and what you can do now") { Rule = Rules.Anyone };

    protected override string? Parse(ArgReader args) => args.OptionalText();

    protected override async Task ExecuteAsync(CommandContext context, string? token, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            // An invitation token is never of the form D3 (tokens are 22 or more characters), so a link opens an object.
            if (DeepLink().Match(token) is { Success: true } link)
            {
                await OpenAsync(context, char.ToUpperInvariant(link.Groups[1].Value[0]), long.Parse(link.Groups[2].Value, CultureInfo.InvariantCulture), cancellationToken);
            }
            else
            {
                await join.RedeemAsync(context, token, cancellationToken);
            }

            return;
        }

        var actor = context.Actor;
        var language = context.Update.Language;
        var lines = new List<string>
        {
            context.Text("Start.Welcome", Html.Escape(actor.DisplayName)),
            context.Text("Start.Coordinate", BodiesServed(language)),
        };
        if (actor.DelegationCode is { } code && actor.Role is { } role)
        {
            lines.Add(context.Text("Start.Member", RoleNames.Describe(role, language), Html.Escape(council.Council.NameOf(code, language))));
        }
        else if (!actor.IsOperator)
        {
            lines.Add(context.Text("Start.NotMember"));
        }

        if (actor.IsOperator)
        {
            lines.Add(context.Text("Start.Operator"));
        }

        lines.Add(context.Text("Start.Help"));
        lines.Add(context.Text("Start.UserId", Html.Code(actor.UserId.ToString(CultureInfo.InvariantCulture))));
        var welcome = string.Join("\n", lines);
        if (!actor.IsMember || !context.Update.IsPrivate)
        {
            context.Reply(welcome);
            return;
        }

        // A member's welcome ends with what needs them now, in the same message so that it arrives in one piece.
        var (html, buttons) = await dashboard.ShowAsync(context.Update, cancellationToken);
        context.Update.Reply(welcome + "\n\n" + html, buttons);
    }

    /// <summary>Opens an object as its command would, typed by the sender: the same gate, rule and replies.</summary>
    private async Task OpenAsync(CommandContext context, char kind, long id, CancellationToken cancellationToken)
    {
        // Resolved late: the router needs every handler, this one included.
        var router = services.GetRequiredService<UpdateRouter>();
        var update = context.Update;
        if (kind != 'M')
        {
            var command = kind switch { 'D' => "draft", 'S' => "session", _ => "speakers" };
            await router.RunAsTypedAsync(update, $"/{command} {EntityIds.Format(kind, id)}", cancellationToken);
            return;
        }

        // An amendment opens its draft's comments; who may read them is asked before the amendment is looked up.
        var comments = router.Commands.Single(c => c.Info.Name == "comments").Info;
        if (CommandGate.Refusal(comments, update) is { } refusal)
        {
            update.Reply(refusal);
            return;
        }

        var draftId = await update.Db.DraftAmendments.AsNoTracking().Where(a => a.Id == id).Select(a => (long?)a.DraftId).FirstOrDefaultAsync(cancellationToken);
        if (draftId is null)
        {
            update.Reply(DraftsText.Refusal(new DraftRefusal(DraftRefusalCode.NoAmendment, id)));
            return;
        }

        await router.RunAsTypedAsync(update, $"/comments {EntityIds.Format('D', draftId.Value)}", cancellationToken);
    }

    /// <summary>
    /// What the bot serves, in the reader's language: the body's full name, or with several bodies their short names as
    /// the language lists them ("Совет Безопасности и Комитет 1718"), so a newcomer is not told of the first body alone.
    /// </summary>
    private string BodiesServed(string language) =>
        council.Bodies.Count == 1
            ? Html.Escape(council.Council.NameIn(language))
            : Lists.Join(language, [.. council.Bodies.Select(b => Html.Escape(b.Council.ShortNameIn(language)))]);

    [GeneratedRegex("^([DSAMdsam])([0-9]{1,18})$")]
    private static partial Regex DeepLink();
}
