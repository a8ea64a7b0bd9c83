using System.Security.Cryptography;
using YamlDotNet.RepresentationModel;
using static GlanceBake.Core.Seed.YamlDocumentWriter;

namespace GlanceBake.Core.Seed;

/// <summary>
/// NoCloud <c>meta-data</c>: <c>instance-id</c> and <c>local-hostname</c> (cloud-init DataSourceNoCloud).
/// cloud-init runs per-instance modules again only when the instance-id changes, so by default the id is derived
/// from the seed's content: a changed seed is a new first boot, an identical one is not.
/// </summary>
public static class MetaData
{
    /// <summary>
    /// <c>iid-glancebake-</c> + the first 16 hex digits of SHA-256 over each seed part (name, length, bytes),
    /// in the order given. Same parts, same id.
    /// </summary>
    public static string DeriveInstanceId(IEnumerable<(string Name, byte[] Content)> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in parts)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}\n{content.Length}\n"));
            sha.AppendData(content);
        }

        return "iid-glancebake-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>meta-data bytes for <paramref name="instanceId"/> and <paramref name="hostname"/>.</summary>
    public static byte[] Build(string instanceId, string hostname) =>
        Write(new YamlMappingNode
        {
            { "instance-id", Scalar(instanceId) },
            { "local-hostname", Scalar(hostname) },
        });
}
