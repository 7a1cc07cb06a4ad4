import GRPCLink
import GatewayAPI
import Kernel
import Observability
import Routing

/// The plugins compiled into `tether`, in the order `tether plugins` lists them.
/// Adding a plugin is one import and one line here (`Scripts/new-plugin` does both).
let standardPlugins: [any Plugin.Type] = [
    MetricsPlugin.self,
    RoutingPlugin.self,
    GRPCLinkPlugin.self,
    GatewayAPIPlugin.self,
]
