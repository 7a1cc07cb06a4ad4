import API
import Auth
import Dashboard
import GRPCLink
import GatewayAPI
import IPMISOL
import Inventory
import Kernel
import Observability
import Redfish
import Routing
import Session
import VNCTCP
import VNCWS
import WebUI

/// The plugins compiled into `tether`, in the order `tether plugins` lists them.
/// Adding a plugin is one import and one line here (`Scripts/new-plugin` does both).
let standardPlugins: [any Plugin.Type] = [
    MetricsPlugin.self,
    AuthPlugin.self,
    APIPlugin.self,
    InventoryPlugin.self,
    RoutingPlugin.self,
    GRPCLinkPlugin.self,
    GatewayAPIPlugin.self,
    SessionPlugin.self,
    WebUIPlugin.self,
    DashboardPlugin.self,
    IPMISOLPlugin.self,
    RedfishPlugin.self,
    VNCTCPPlugin.self,
    VNCWSPlugin.self,
]
