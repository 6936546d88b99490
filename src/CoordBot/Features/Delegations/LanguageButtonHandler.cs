using CoordBot.Localization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary>A press on a button of <c>/language</c> (data <c>lang:&lt;code&gt;</c>): the same choice as <c>/language &lt;code&gt;</c>.</summary>
internal sealed class LanguageButtonHandler(Menus.PersonalMenus menus) : ICallbackHandler
{
    /// <summary>In a linked group only its own delegation's head or deputy (or an operator) chooses; they hear why in the toast and in the chat.</summary>
    public ButtonInfo Info { get; } = new(LanguageChoice.Prefix) { Rule = Rules.LanguageHere, RefusedAs = ButtonRefusal.ToastAndReply };

    public async Task HandleAsync(CallbackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Languages.IsKnown(context.Payload))
        {
            context.Answer(Catalogue.Text(context.Actor.Language, "Router.ButtonInvalid"));
            return;
        }

        var answer = await LanguageChoice.ApplyAsync(context.Update, context.Payload, menus, cancellationToken);
        context.Answer(answer);
        context.Update.Reply(answer);
    }
}
