using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram;

internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (!Enum.TryParse<ReceiveMode>(options.Mode, ignoreCase: true, out var mode) || int.TryParse(options.Mode, out _))
        {
            failures.Add($"Telegram:Mode must be Polling or Webhook (got \"{options.Mode}\")");
        }

        if (!options.IsSandbox && !TokenShape().IsMatch(options.BotToken!))
        {
            failures.Add("Telegram:BotToken does not look like a BotFather token (digits, a colon, then letters, digits, - or _)");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl) && !IsHttpUrl(options.BaseUrl))
        {
            failures.Add($"Telegram:BaseUrl must be an absolute http(s) URL, for example http://localhost:8081 (got \"{options.BaseUrl}\")");
        }

        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            failures.Add("Telegram:PollTimeoutSeconds must be between 0 and 50");
        }

        if (mode == ReceiveMode.Webhook)
        {
            if (options.IsSandbox)
            {
                failures.Add("Telegram:Mode Webhook needs Telegram:BotToken (the sandbox uses polling)");
            }

            if (string.IsNullOrWhiteSpace(options.WebhookUrl) || !Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Telegram:WebhookUrl must be the public https URL Telegram calls, for example https://bot.example.org/telegram/webhook");
            }

            if (string.IsNullOrEmpty(options.WebhookSecret) || !SecretShape().IsMatch(options.WebhookSecret))
            {
                failures.Add("Telegram:WebhookSecret is required in Webhook mode: 16 to 256 characters of A-Z, a-z, 0-9, _ and -");
            }

            if (!IsHttpUrl(options.WebhookListenUrl))
            {
                failures.Add($"Telegram:WebhookListenUrl must be an http(s) URL to listen on, for example http://0.0.0.0:8080 (got \"{options.WebhookListenUrl}\")");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{8,}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{16,256}$")]
    private static partial Regex SecretShape();
}
