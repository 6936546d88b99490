namespace CoordBot.Domain;

/// <summary>A value, or the reasons (in words) why there is none; expected refusals never throw.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<string> errors)
    {
        _value = value;
        Errors = errors;
    }

    public bool IsSuccess => Errors.Count == 0;

    public IReadOnlyList<string> Errors { get; }

    /// <summary>All errors in one line, for a chat reply.</summary>
    public string Error => string.Join("; ", Errors);

    /// <summary>The value; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: {Error}");

    internal static Result<T> Success(T value) => new(value, []);

    internal static Result<T> Failure(IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(default, errors);
    }

    public bool TryGetValue(out T value)
    {
        value = _value!;
        return IsSuccess;
    }
}

/// <summary>Factories for <see cref="Result{T}"/>.</summary>
public static class Result
{
    public static Result<T> Ok<T>(T value) => Result<T>.Success(value);

    public static Result<T> Fail<T>(string error) => Result<T>.Failure([error]);

    public static Result<T> Fail<T>(IReadOnlyList<string> errors) => Result<T>.Failure(errors);
}
