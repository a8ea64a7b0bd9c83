namespace GlanceBake.Core.Seed;

/// <summary>
/// Keeps two bakes out of one output folder: an exclusive lock on <c>.NAME.glancebake-lock</c> beside the folder
/// <c>NAME</c>, held from before the bake renders until its tree is swapped in. The lock is the file's open handle
/// with <see cref="FileShare.None"/>: on Linux and macOS .NET takes it with <c>flock(LOCK_EX | LOCK_NB)</c>, on Windows
/// it is the share mode; either way the kernel drops it when the process ends, however it ends (a SIGKILL too), so
/// a killed bake never leaves a folder locked. The empty file itself stays: deleting a lock file others may have
/// opened lets two processes hold "the" lock on two different files.
/// </summary>
public sealed class OutputFolderLock : IDisposable
{
    private readonly FileStream _handle;

    private OutputFolderLock(FileStream handle, string path)
    {
        _handle = handle;
        LockFile = path;
    }

    /// <summary>The lock file, an absolute path beside the output folder.</summary>
    public string LockFile { get; }

    /// <summary>The lock file's path for <paramref name="outputDir"/>: <c>PARENT/.NAME.glancebake-lock</c>.</summary>
    public static string LockFileFor(string outputDir) => BundleWriter.Beside(outputDir, "lock");

    /// <summary>Takes the lock without waiting, creating the parent folder and the lock file if needed.</summary>
    /// <param name="outputDir">The output folder (it need not exist).</param>
    /// <exception cref="OutputFolderBusyException">Another bake holds the lock.</exception>
    /// <exception cref="IOException">The parent folder or the lock file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to create or open the lock file.</exception>
    public static OutputFolderLock Acquire(string outputDir)
    {
        var path = LockFileFor(outputDir);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            return new OutputFolderLock(handle, path);
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
                                    && File.Exists(path))
        {
            // The file exists and could not be opened exclusively: .NET reports flock's EWOULDBLOCK (Unix) and
            // ERROR_SHARING_VIOLATION (Windows) as a plain IOException.
            throw new OutputFolderBusyException(path, e);
        }
    }

    /// <summary>Releases the lock (the file stays).</summary>
    public void Dispose() => _handle.Dispose();
}
