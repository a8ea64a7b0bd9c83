namespace GlanceBake.Core.Seed;

/// <summary>Another bake holds the output folder's lock (<see cref="OutputFolderLock"/>).</summary>
public sealed class OutputFolderBusyException : IOException
{
    /// <summary>Creates the exception for <paramref name="lockFile"/>.</summary>
    /// <param name="lockFile">The lock file another process holds.</param>
    /// <param name="inner">The error opening it.</param>
    public OutputFolderBusyException(string lockFile, Exception inner)
        : base($"another bake is writing this output folder (it holds '{lockFile}'); wait for it to finish, or bake into another folder", inner)
    {
        LockFile = lockFile;
    }

    /// <summary>The lock file another process holds.</summary>
    public string LockFile { get; }
}
