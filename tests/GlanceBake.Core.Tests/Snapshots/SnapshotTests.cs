using System.Security.Cryptography;
using GlanceBake.Core.Seed;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Snapshots;

/// <summary>
/// Each scenario's bake equals its checked-in <c>tests/scenarios/NAME/expected/</c> tree byte for byte (seed.iso and
/// the verification image are pinned through the expected SHA256SUMS). To regenerate after an intended change run
/// <c>GLANCEBAKE_ACCEPT=1 dotnet test tests/GlanceBake.Core.Tests</c> and review the diff of expected/ in git.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Bake_Scenario_MatchesExpectedTreeByteForByte(string name)
    {
        using var baked = Scenario.Bake(name);
        TreeSnapshot.AssertMatches(baked.OutputDir, Path.Combine(Scenario.Folder(name), "expected"),
            Path.Combine(Scenario.Folder(name), "received"), Scenario.IsBinary);
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Bake_Scenario_Sha256SumsListsEveryOtherFileWithItsHash(string name)
    {
        using var baked = Scenario.Bake(name);
        var files = TreeSnapshot.Read(baked.OutputDir);
        var lines = File.ReadAllText(baked.PathOf("SHA256SUMS")).Split('\n');
        Assert.Equal("", lines[^1]);
        var listed = lines[..^1].Select(l => (Hash: l[..64], Sep: l[64..66], Path: l[66..])).ToList();
        Assert.All(listed, l => Assert.Equal("  ", l.Sep));
        Assert.Equal(files.Keys.Where(k => k != "SHA256SUMS"), listed.Select(l => l.Path));
        foreach (var l in listed)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[l.Path])), l.Hash);
        }
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Bake_SameParametersTwice_GivesIdenticalBytesForEveryFileIncludingSeedIso(string name)
    {
        using var first = Scenario.Bake(name);
        using var second = Scenario.Bake(name);
        var a = TreeSnapshot.Read(first.OutputDir);
        var b = TreeSnapshot.Read(second.OutputDir);
        Assert.Contains("seed.iso", a.Keys);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (rel, bytes) in a)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(b[rel]), $"{rel} differs between two bakes of {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Bake_Scenario_CidataHoldsExactlyTheNoCloudFilesAndTheImage(string name)
    {
        using var baked = Scenario.Bake(name);
        var cidata = TreeSnapshot.Read(Path.Combine(baked.OutputDir, "cidata")).Keys.ToList();
        var expected = new List<string> { "glancebake/" + baked.Bundle.Image.FileName, "meta-data", "user-data" };
        if (baked.Parameters.Controller.Network is not null)
        {
            expected.Add("network-config");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), cidata);
    }
}
