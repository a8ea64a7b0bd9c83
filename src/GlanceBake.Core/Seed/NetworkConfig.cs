using GlanceBake.Core.Parameters;
using YamlDotNet.RepresentationModel;
using static GlanceBake.Core.Seed.YamlDocumentWriter;

namespace GlanceBake.Core.Seed;

/// <summary>
/// NoCloud <c>network-config</c>, Netplan-style version 2 (cloud-init "Networking config Version 2"):
/// one ethernet with static addresses, a default route and name servers.
/// </summary>
public static class NetworkConfig
{
    /// <summary>network-config bytes for <paramref name="n"/>.</summary>
    public static byte[] Build(NetworkParameters n)
    {
        var eth = new YamlMappingNode
        {
            { "dhcp4", Bool(false) },
            { "addresses", new YamlSequenceNode(n.Addresses.Select(Scalar)) },
        };
        if (n.Gateway is not null)
        {
            var to = n.Gateway.Contains(':') ? "::/0" : "0.0.0.0/0";
            eth.Add("routes", new YamlSequenceNode(new YamlNode[]
            {
                new YamlMappingNode { { "to", Scalar(to) }, { "via", Scalar(n.Gateway) } },
            }));
        }

        if (n.Nameservers.Count > 0)
        {
            eth.Add("nameservers", new YamlMappingNode
            {
                { "addresses", new YamlSequenceNode(n.Nameservers.Select(Scalar)) },
            });
        }

        return Write(new YamlMappingNode
        {
            { "version", new YamlScalarNode("2") { Style = YamlDotNet.Core.ScalarStyle.Plain } },
            { "ethernets", new YamlMappingNode { { n.Interface, eth } } },
        });
    }
}
