namespace GlanceBake.Core.Parameters;

/// <summary>Glance itself.</summary>
/// <param name="User">Service user name in Keystone (<c>glance</c>).</param>
/// <param name="Password">Its password (secret).</param>
/// <param name="Email">Its e-mail.</param>
/// <param name="Domain">Its domain (<c>default</c>).</param>
/// <param name="ServiceName">Catalog service name (<c>glance</c>).</param>
/// <param name="ServiceType">Catalog service type (<c>image</c>).</param>
/// <param name="ServiceDescription">Catalog description.</param>
/// <param name="PublicEndpoint">Public endpoint URL.</param>
/// <param name="InternalEndpoint">Internal endpoint URL.</param>
/// <param name="AdminEndpoint">Admin endpoint URL.</param>
/// <param name="MemcachedServers"><c>host:port</c> entries.</param>
/// <param name="Stores">Enabled store types (<c>file</c>, <c>http</c>).</param>
/// <param name="DefaultStore">The store new images go to.</param>
/// <param name="FilesystemStoreDatadir">Directory of the file store, absolute, ending in <c>/</c> as in the guide.</param>
/// <param name="PasteFlavor"><c>[paste_deploy] flavor</c>.</param>
public sealed record GlanceParameters(
    string User, string Password, string Email, string Domain,
    string ServiceName, string ServiceType, string ServiceDescription,
    string PublicEndpoint, string InternalEndpoint, string AdminEndpoint,
    IReadOnlyList<string> MemcachedServers, IReadOnlyList<string> Stores, string DefaultStore,
    string FilesystemStoreDatadir, string PasteFlavor);
