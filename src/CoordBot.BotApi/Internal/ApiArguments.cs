using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// Method parameters merged from the query string, a JSON body or a multipart/urlencoded form.
/// Form fields are strings, so every accessor also accepts a value's string (or JSON text) form.
/// </summary>
internal sealed class ApiArguments
{
    private readonly Dictionary<string, JsonNode?> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedFile> files = new(StringComparer.Ordinal);

    public static async Task<ApiArguments> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var args = new ApiArguments();
        foreach (var (key, value) in request.Query)
        {
            args.values[key] = JsonValue.Create(value.ToString());
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                args.values[key] = JsonValue.Create(value.ToString());
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                args.files[file.Name] = new UploadedFile(file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                throw ApiException.BadRequest("invalid JSON in request body");
            }

            if (body is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    args.values[key] = value?.DeepClone();
                }
            }
        }

        return args;
    }

    public static ApiArguments FromPairs(params (string Key, JsonNode? Value)[] pairs)
    {
        var args = new ApiArguments();
        foreach (var (key, value) in pairs)
        {
            args.values[key] = value;
        }

        return args;
    }

    public bool Has(string name) => values.TryGetValue(name, out var v) && v is not null;

    public UploadedFile? File(string name) => files.GetValueOrDefault(name);

    public string? String(string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    public string RequiredString(string name) =>
        String(name) ?? throw ApiException.BadRequest($"{name} is empty");

    public long? Long(string name)
    {
        switch (values.GetValueOrDefault(name))
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue<long>(out var n):
                return n;
            case JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d):
                return (long)d;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (s.Length == 0)
                {
                    return null;
                }

                return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw ApiException.BadRequest($"invalid {name} specified");
            default:
                throw ApiException.BadRequest($"invalid {name} specified");
        }
    }

    public long RequiredLong(string name) =>
        Long(name) ?? throw ApiException.BadRequest($"{name} is empty");

    public bool Bool(string name) => values.GetValueOrDefault(name) switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s is "true" or "True" or "1",
        _ => false,
    };

    /// <summary>A JSON-serialized parameter: either real JSON or a string holding JSON (form fields).</summary>
    public JsonNode? Json(string name, string errorWhenInvalid)
    {
        switch (values.GetValueOrDefault(name))
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (string.IsNullOrWhiteSpace(s))
                {
                    return null;
                }

                try
                {
                    return JsonNode.Parse(s);
                }
                catch (JsonException)
                {
                    throw ApiException.BadRequest(errorWhenInvalid);
                }

            case var node:
                return node.DeepClone();
        }
    }

    /// <summary>chat_id: a number, or a @username we do not resolve.</summary>
    public long ChatId(string name = "chat_id")
    {
        var raw = String(name);
        if (string.IsNullOrEmpty(raw))
        {
            throw ApiException.BadRequest("chat_id is empty");
        }

        if (raw.StartsWith('@'))
        {
            throw ApiException.ChatNotFound();
        }

        return Long(name) ?? throw ApiException.ChatNotFound();
    }

    /// <summary>The chat_id if present and numeric, for fault filters; never throws.</summary>
    public long? ChatIdOrNull()
    {
        try
        {
            return Long("chat_id");
        }
        catch (ApiException)
        {
            return null;
        }
    }
}
