namespace CoordBot.BotApi;

public enum FaultKind
{
    /// <summary>429 with parameters.retry_after.</summary>
    TooManyRequests,

    /// <summary>500 Internal Server Error with a JSON envelope.</summary>
    ServerError,

    /// <summary>502 with an HTML body, as Telegram's front end answers when the API is down.</summary>
    BadGateway,

    /// <summary>The connection is aborted without any response.</summary>
    DropConnection,

    /// <summary>403 "Forbidden: bot was blocked by the user".</summary>
    Forbidden,

    /// <summary>400 "Bad Request: chat not found".</summary>
    ChatNotFound,
}
