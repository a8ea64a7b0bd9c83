using System.Text.Json;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Readers;

/// <summary>cloud-init's own schema check (`cloud-init schema -c`) accepts the seed's user-data and network-config.</summary>
public sealed class CloudInitSchemaTests
{
    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void UserData_CloudInitSchema_IsValid(string name)
    {
        var baked = Scenario.Shared(name);
        var cloudInit = ExternalTool.Require("cloud-init", "cloud-init");
        var result = ExternalTool.Run(cloudInit, ["schema", "-c", baked.PathOf("cidata/user-data")])
            .ShouldSucceed("cloud-init schema -c user-data");
        Assert.Contains("Valid cloud-config", result.StandardOutput);
        Assert.DoesNotContain("deprecat", result.StandardOutput + result.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void NetworkConfig_CloudInitSchema_IsValidWhereThisCloudInitChecksIt(string name)
    {
        var baked = Scenario.Shared(name);
        Skip.If(baked.Parameters.Controller.Network is null, $"{name} has no network block, so no network-config");
        var cloudInit = ExternalTool.Require("cloud-init", "cloud-init");
        var help = ExternalTool.Run(cloudInit, ["schema", "--help"]).ShouldSucceed("cloud-init schema --help");
        // --schema-type arrived in cloud-init 23.1; 22.4 (Debian 12) validates cloud-config only.
        Skip.IfNot(help.StandardOutput.Contains("--schema-type", StringComparison.Ordinal),
            "this cloud-init has no 'schema --schema-type network-config' (needs 23.1 or later)");
        var result = ExternalTool.Run(cloudInit,
                ["schema", "--schema-type", "network-config", "-c", baked.PathOf("cidata/network-config")])
            .ShouldSucceed("cloud-init schema --schema-type network-config");
        Assert.Contains("Valid", result.StandardOutput);
    }

    // cloud-init's own network-config v2 parser (what the NoCloud datasource hands the renderers), strict.
    private const string NetworkStateScript = """
        import json, sys, yaml
        from cloudinit.net import network_state
        ns = network_state.parse_net_config_data(yaml.safe_load(open(sys.argv[1], 'rb')), skip_broken=False)
        print(json.dumps({i['name']: i.get('subnets') for i in ns.iter_interfaces()}, default=str))
        """;

    [SkippableTheory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void NetworkConfig_CloudInitNetworkState_ParsesStaticAddressRouteAndNameservers(string name)
    {
        var baked = Scenario.Shared(name);
        var n = baked.Parameters.Controller.Network;
        Skip.If(n is null, $"{name} has no network block, so no network-config");
        var python = Python.Require("cloudinit.net.network_state", "cloud-init");
        var ifaces = Python.Json(python, NetworkStateScript, baked.PathOf("cidata/network-config"));
        var subnets = ifaces.GetProperty(n!.Interface).EnumerateArray().ToList();
        Assert.Equal(n.Addresses, subnets.Select(s => $"{s.GetProperty("address").GetString()}/{s.GetProperty("prefix").GetInt32()}"));
        Assert.All(subnets, s => Assert.Equal("static", s.GetProperty("type").GetString()));
        var first = subnets[0];
        if (n.Gateway is not null)
        {
            var route = Assert.Single(first.GetProperty("routes").EnumerateArray());
            Assert.Equal(n.Gateway, route.GetProperty("gateway").GetString());
            Assert.Equal(0, route.GetProperty("prefix").GetInt32());
        }

        Assert.Equal(n.Nameservers, first.TryGetProperty("dns_nameservers", out var dns)
            ? dns.EnumerateArray().Select(d => d.GetString()) : []);
    }
}
