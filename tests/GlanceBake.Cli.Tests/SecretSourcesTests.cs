using GlanceBake.Core.Parameters;
using Xunit;
using static GlanceBake.Cli.Tests.CliHarness;

namespace GlanceBake.Cli.Tests;

/// <summary>
/// Secrets out of the parameter file: <c>{env: NAME}</c>, <c>{file: PATH}</c> (a one-value file or a secrets file),
/// <c>--files-dir</c>, the paths refused, the guide's placeholders (GB2019) and <c>glancebake secrets</c>.
/// </summary>
public sealed class SecretSourcesTests
{
    private const string Value = "Qx9EnvSecretValue";

    /// <summary>The example with each guide password replaced by <paramref name="db"/>, <paramref name="admin"/> and <paramref name="glance"/>.</summary>
    private static string Params(string db, string admin, string glance) => File.ReadAllText(Example)
        .Replace("password: GLANCE_DBPASS", $"password: {db}", StringComparison.Ordinal)
        .Replace("password: ADMIN_PASS", $"password: {admin}", StringComparison.Ordinal)
        .Replace("password: GLANCE_PASS", $"password: {glance}", StringComparison.Ordinal);

    private static (string Dir, string Path) Write(string text)
    {
        var dir = NewTempDir();
        var path = Path.Combine(dir, "p.yaml");
        File.WriteAllText(path, text);
        return (dir, path);
    }

    [Fact]
    public void Validate_EnvAndFileAndSecretsFile_AllResolveWithoutWarnings()
    {
        var (dir, path) = Write(Params("{file: secrets.yaml}", "{file: admin.txt}", "{env: GLANCE_SECRET}"));
        File.WriteAllText(Path.Combine(dir, "secrets.yaml"), "database.password: Db1Value\n");
        File.WriteAllText(Path.Combine(dir, "admin.txt"), "Admin1Value\n");
        var r = Run(new Dictionary<string, string> { ["GLANCE_SECRET"] = Value }, "validate", path, "--strict");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);

        var loaded = ParameterLoader.LoadFile(path, new SecretSources(n => n == "GLANCE_SECRET" ? Value : null));
        Assert.Equal("Db1Value", loaded.Parameters!.Database.Password);
        Assert.Equal("Admin1Value", loaded.Parameters.Keystone.Admin.Password); // one trailing newline dropped
        Assert.Equal(Value, loaded.Parameters.Glance.Password);
    }

    [Fact]
    public void Validate_UnsetVariableAndMissingFile_AreGb2018AtTheFieldNamingThemNotAValue()
    {
        var (_, path) = Write(Params("{file: nowhere.txt}", "Admin1Value", "{env: GLANCE_SECRET}"));
        var r = Run(new Dictionary<string, string> { ["OTHER"] = Value }, "validate", path);
        Assert.Equal(1, r.ExitCode);
        var lines = File.ReadAllLines(path);
        var dbLine = Array.FindIndex(lines, l => l.Contains("{file: nowhere.txt}")) + 1;
        var glanceLine = Array.FindIndex(lines, l => l.Contains("{env: GLANCE_SECRET}")) + 1;
        Assert.Contains($"p.yaml({dbLine},13): error GB2018: 'database.password' comes from the file 'nowhere.txt', which does not exist", r.Stderr);
        Assert.Contains($"p.yaml({glanceLine},13): error GB2018: 'glance.password' comes from the environment variable 'GLANCE_SECRET', which is not set", r.Stderr);
        Assert.DoesNotContain(Value, r.Stderr);
    }

    [Fact]
    public void Validate_SecretsFileWithoutTheEntry_IsGb2018AndNeverShowsOtherEntries()
    {
        var (dir, path) = Write(Params("{file: secrets.yaml}", "Admin1Value", "Glance1Value"));
        File.WriteAllText(Path.Combine(dir, "secrets.yaml"), $"glance.password: {Value}\n");
        var r = Run("validate", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error GB2018: 'database.password' comes from the secrets file 'secrets.yaml', which has no entry 'database.password'", r.Stderr);
        Assert.DoesNotContain(Value, r.Stderr);
    }

    [Theory]
    [InlineData("../outside.txt", "no '..'")]
    [InlineData("/etc/hostname", "not absolute")]
    [InlineData("link.txt", "symbolic link")]
    [InlineData("linkdir/x.txt", "symbolic link")]
    public void Validate_PathLeavingTheFolder_IsRefusedWithGb2011(string reference, string why)
    {
        var (dir, path) = Write(Params($"{{file: '{reference}'}}", "Admin1Value", "Glance1Value"));
        var outside = NewTempDir();
        File.WriteAllText(Path.Combine(outside, "x.txt"), Value);
        File.CreateSymbolicLink(Path.Combine(dir, "link.txt"), Path.Combine(outside, "x.txt"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "linkdir"), outside);
        var r = Run("validate", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error GB2011: 'database.password': secret file", r.Stderr);
        Assert.Contains(why, r.Stderr);
        Assert.DoesNotContain(Value, r.Stderr);
    }

    [Fact]
    public void Validate_SymlinkInsideTheFolder_IsAccepted()
    {
        var (dir, path) = Write(Params("{file: link.txt}", "Admin1Value", "Glance1Value"));
        Directory.CreateDirectory(Path.Combine(dir, "real"));
        File.WriteAllText(Path.Combine(dir, "real", "db.txt"), "Db1Value");
        File.CreateSymbolicLink(Path.Combine(dir, "link.txt"), "real/db.txt");
        var r = Run("validate", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    [Fact]
    public void Validate_FilesDir_MovesTheBaseOfFileReferences()
    {
        var (_, path) = Write(Params("{file: db.txt}", "Admin1Value", "Glance1Value"));
        var secrets = NewTempDir();
        File.WriteAllText(Path.Combine(secrets, "db.txt"), "Db1Value");
        Assert.Equal(1, Run("validate", path).ExitCode);
        var r = Run("validate", path, "--files-dir", secrets);
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    [Fact]
    public void Validate_GuidePlaceholder_IsWarningGb2019AtItsPositionAndErrorUnderStrict()
    {
        var (_, path) = Write(Params("GLANCE_DBPASS", "Admin1Value", "Glance1Value"));
        var line = Array.FindIndex(File.ReadAllLines(path), l => l.Contains("password: GLANCE_DBPASS")) + 1;
        var r = Run("validate", path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"{path}({line},13): warning GB2019: 'database.password' still holds one of the install guide's placeholder passwords; set a real secret (glancebake secrets writes random ones)\n",
            r.Stderr.Replace("\r", "", StringComparison.Ordinal));
        var strict = Run("validate", path, "--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("error GB2019", strict.Stderr);
    }

    [Theory]
    [InlineData("GLANCE_DBPASS", true)]
    [InlineData("GLANCE_PASS", true)]
    [InlineData("ADMIN_PASS", true)]
    [InlineData("DB_ROOT_PASS", true)]
    [InlineData("RABBIT_PASS", true)]
    [InlineData("METADATA_SECRET", true)]
    [InlineData("glance_pass", false)]
    [InlineData("GLANCE_PASSWORD_2", false)]
    public void IsGuidePlaceholder_KnowsTheGuidesPasswordTable(string value, bool expected) =>
        Assert.Equal(expected, SecretSources.IsGuidePlaceholder(value));

    [Fact]
    public void Secrets_FillsOnlyOpenFieldsAndNeverOverwrites()
    {
        var (dir, path) = Write(Params("{file: secrets.yaml}", "{file: secrets.yaml}", "{file: secrets.yaml}"));
        var file = Path.Combine(dir, "secrets.yaml");
        File.WriteAllText(file, "# mine\nglance.password: KeepMe1\n");
        var r = Run("secrets", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("added database.password, keystone.admin.password; kept glance.password", r.Stdout);
        var first = File.ReadAllText(file);
        Assert.StartsWith("# mine\nglance.password: KeepMe1\n", first);
        var entries = SecretSources.ReadSecretsFile(first, out _)!;
        Assert.Equal(3, entries.Count);
        Assert.All(entries.Where(e => e.Key != "glance.password"),
            e => Assert.Matches("^[A-Za-z0-9]{32}$", e.Value));
        Assert.DoesNotContain(entries["database.password"], r.Stdout);

        // Run again: nothing changes.
        Assert.Equal(0, Run("secrets", path).ExitCode);
        Assert.Equal(first, File.ReadAllText(file));
        Assert.True(Run("validate", path, "--strict").ExitCode == 0);
    }

    [Fact]
    public void Secrets_MissingParameterFile_IsAnInputError()
    {
        var r = Run("secrets", Path.Combine(NewTempDir(), "none.yaml"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("cannot read the parameter file", r.Stderr);
    }

    /// <summary>The loader's structure check guards every YAML GlanceBake reads: an alias before its anchor used as a
    /// key (found by tests/fuzz in the parameter file) ended the process with a stack overflow when it stood in a
    /// secrets file (validate, bake, secrets) or reached the secrets verb.</summary>
    [Fact]
    public void AliasBeforeItsAnchorAsKey_InASecretsFileOrForTheSecretsVerb_IsADiagnosticNotACrash()
    {
        const string Hostile = "k: {*v : x}\nb: &v y\n";
        var (dir, path) = Write(Params("{file: secrets.yaml}", "Admin1Value", "Glance1Value"));
        File.WriteAllText(Path.Combine(dir, "secrets.yaml"), Hostile);
        var validate = Run("validate", path);
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("error GB2018: 'database.password': secrets file 'secrets.yaml' is not valid YAML (line 1)", validate.Stderr);
        var secrets = Run("secrets", path);
        Assert.Equal(1, secrets.ExitCode);
        Assert.Contains("is not valid YAML (line 1)", secrets.Stderr);

        var bad = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(bad, "schema: 1\n" + Hostile);
        var r = Run("secrets", bad);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the parameter file is not valid YAML at line 2", r.Stderr);
    }

    [Fact]
    public void Validate_SecretFileOverItsCap_IsRefusedNamingTheCapNotTheValue()
    {
        // read with the parameter file's capped reader (YamlInputChecks.ReadCapped), not sized first and read whole
        var (dir, path) = Write(Params("{file: db.txt}", "Admin1Value", "Glance1Value"));
        File.WriteAllText(Path.Combine(dir, "db.txt"), Value + new string('x', SecretSources.MaxFileBytes));
        var r = Run("validate", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("'database.password': secret file 'db.txt' is larger than 64 KiB", r.Stderr);
        Assert.DoesNotContain(Value, r.Stderr + r.Stdout);
    }

    [Fact]
    public void Secrets_SecretsFileOverItsCap_IsAnInputErrorAndLeftAsItIs()
    {
        var (dir, path) = Write(Params("{file: secrets.yaml}", "Admin1Value", "Glance1Value"));
        var file = Path.Combine(dir, "secrets.yaml");
        var text = "# " + new string('x', SecretSources.MaxFileBytes) + "\n";
        File.WriteAllText(file, text);
        var r = Run("secrets", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("secrets.yaml' is larger than 64 KiB", r.Stderr);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public void Secrets_EndlessParameterFile_IsRefusedBeforeReadingIt()
    {
        var r = Run("secrets", "/dev/zero");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the parameter file is larger than 1024 KiB", r.Stderr);
    }

    [Fact]
    public void Secrets_NewFileIsOwnerOnly()
    {
        var (dir, path) = Write(Params("{file: secrets.yaml}", "Admin1Value", "Glance1Value"));
        Assert.Equal(0, Run("secrets", path).ExitCode);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, "secrets.yaml")));
        }
    }
}
