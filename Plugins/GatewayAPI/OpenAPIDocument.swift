/// The hand-written OpenAPI 3.1 description of every endpoint, served at `/openapi.json`.
/// A test checks that it parses and lists each route the server registers.
enum OpenAPIDocument {
    static var bytes: [UInt8] { Array(json.utf8) }

    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Tether gateway API",
        "version": "1",
        "description": "Power, boot, BMC facts, event log and the serial console of the servers whose agents are linked to this gateway. Every /v1 endpoint takes a server-scoped token: Authorization: Bearer <token>. Browsers may instead send the session cookie tether_session (only from an allowed Origin) or, on WebSockets, the subprotocol bearer.<token>. A request whose Origin is not in allowedOrigins is refused with 403."
      },
      "security": [{ "bearer": [] }],
      "paths": {
        "/healthz": {
          "get": {
            "summary": "Liveness of the gateway API", "security": [],
            "responses": { "200": { "description": "Serving", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } } }
          }
        },
        "/v1/gateway": {
          "get": {
            "summary": "What this gateway offers besides REST: {api, grpc?: {port, tls, service}}; grpc is absent unless grpcListen is set. The gRPC API (tether.v1.Gateway) is on this host", "security": [],
            "responses": { "200": { "description": "The gateway's transports", "content": { "application/json": {} } } }
          }
        },
        "/openapi.json": {
          "get": {
            "summary": "This document", "security": [],
            "responses": { "200": { "description": "The OpenAPI document", "content": { "application/json": {} } } }
          }
        },
        "/v1/servers/{id}/power": {
          "parameters": [{ "$ref": "#/components/parameters/server" }],
          "get": {
            "summary": "Read the chassis power state (permission: view)",
            "responses": { "200": { "description": "The power state", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PowerStatus" } } } }, "default": { "$ref": "#/components/responses/Error" } }
          },
          "post": {
            "summary": "Perform a power action (permission: power)",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PowerRequest" } } } },
            "responses": { "200": { "description": "The action was performed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PowerReply" } } } }, "default": { "$ref": "#/components/responses/Error" } }
          }
        },
        "/v1/servers/{id}/boot": {
          "parameters": [{ "$ref": "#/components/parameters/server" }],
          "get": {
            "summary": "Read the boot device setting (permission: view)",
            "responses": { "200": { "description": "The boot setting", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BootSetting" } } } }, "default": { "$ref": "#/components/responses/Error" } }
          },
          "put": {
            "summary": "Set the boot device (permission: power)",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BootRequest" } } } },
            "responses": { "200": { "description": "The boot setting now", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BootSetting" } } } }, "default": { "$ref": "#/components/responses/Error" } }
          }
        },
        "/v1/servers/{id}/bmc": {
          "parameters": [{ "$ref": "#/components/parameters/server" }],
          "get": {
            "summary": "Read the BMC's identity (permission: view)",
            "responses": { "200": { "description": "BMC facts", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BMCInfo" } } } }, "default": { "$ref": "#/components/responses/Error" } }
          }
        },
        "/v1/servers/{id}/capabilities": {
          "parameters": [{ "$ref": "#/components/parameters/server" }],
          "get": {
            "summary": "What the server's BMC supports, as its agent detected it; the last known set with online false while the agent is offline (permission: view)",
            "responses": { "200": { "description": "The capabilities", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Capabilities" } } } }, "default": { "$ref": "#/components/responses/Error" } }
          }
        },
        "/v1/servers/{id}/events": {
          "parameters": [{ "$ref": "#/components/parameters/server" }],
          "get": {
            "summary": "List the system event log (permission: view)",
            "responses": { "200": { "description": "Every entry", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EventList" } } } }, "default": { "$ref": "#/components/responses/Error" } }
          },
          "delete": {
            "summary": "Clear the system event log (permission: power)",
            "responses": { "204": { "description": "Cleared" }, "default": { "$ref": "#/components/responses/Error" } }
          }
        },
        "/v1/servers/{id}/console/serial": {
          "parameters": [{ "$ref": "#/components/parameters/server" }],
          "get": {
            "summary": "Serial console over WebSocket (permission: console)",
            "description": "Upgrade to a WebSocket. Binary frames carry console bytes both ways. Text frames carry JSON control messages: the client sends {\"type\":\"refresh\",\"token\":\"...\"} to extend the lease and may send {\"type\":\"resize\",...} (ignored) and {\"type\":\"break\"} (answered unsupported for now); the server sends {\"type\":\"state\",\"state\":\"live\"|\"agent-offline\"|\"expired\",\"reason\":text}, {\"type\":\"lease\",\"expiresAt\":N} and {\"type\":\"error\",\"error\":code,\"message\":text}. Close codes: 1000 console closed on the BMC side, 4000 the console could not be opened, 4001 lease expired, 4008 idle timeout, 4503 agent offline. Offer the subprotocol tether.console.v1 beside bearer.<token>.",
            "parameters": [
              { "name": "Upgrade", "in": "header", "required": true, "schema": { "const": "websocket" } },
              { "name": "Sec-WebSocket-Protocol", "in": "header", "required": false, "schema": { "type": "string" }, "example": "tether.console.v1, bearer.eyJ..." }
            ],
            "responses": {
              "101": { "description": "Switching to the WebSocket protocol" },
              "429": { "$ref": "#/components/responses/Error" },
              "default": { "$ref": "#/components/responses/Error" }
            }
          }
        },
        "/v1/servers/{id}/sessions": {
          "parameters": [{ "$ref": "#/components/parameters/server" }],
          "post": {
            "summary": "Create a browser console session and its one-time viewer link (permission: console for serial, vnc for vnc)",
            "description": "Bearer token only (a session cannot create another). The viewer link carries a one-time code (about a minute) that the web console exchanges for the tether_session cookie (HttpOnly, Secure, SameSite=Strict): the session ID, valid only for this server and this console type, refused once the session ended.",
            "requestBody": { "required": true, "content": { "application/json": { "schema": {
              "type": "object", "additionalProperties": false, "required": ["type"],
              "properties": { "type": { "enum": ["serial", "vnc"] } } } } } },
            "responses": {
              "201": { "description": "Created", "content": { "application/json": { "schema": {
                "type": "object", "required": ["id", "server", "type", "viewerURL", "expiresAt", "sessionExpiresAt"],
                "properties": {
                  "id": { "type": "string" }, "server": { "type": "string" }, "type": { "enum": ["serial", "vnc"] },
                  "viewerURL": { "type": "string" }, "expiresAt": { "type": "integer", "description": "when the code in viewerURL stops working (seconds since 1970)" },
                  "sessionExpiresAt": { "type": "integer" } } } } } },
              "429": { "$ref": "#/components/responses/Error" },
              "default": { "$ref": "#/components/responses/Error" }
            }
          },
          "get": {
            "summary": "Who has a console session open on the server (permission: view); never session IDs",
            "responses": {
              "200": { "description": "The live sessions", "content": { "application/json": { "schema": {
                "type": "object", "required": ["sessions"],
                "properties": { "sessions": { "type": "array", "items": {
                  "type": "object", "required": ["subject", "type", "createdAt", "expiresAt"],
                  "properties": { "subject": { "type": "string" }, "type": { "enum": ["serial", "vnc"] },
                    "createdAt": { "type": "integer" }, "expiresAt": { "type": "integer" } } } } } } } } },
              "default": { "$ref": "#/components/responses/Error" }
            }
          }
        },
        "/v1/servers/{id}/sessions/{session}": {
          "parameters": [
            { "$ref": "#/components/parameters/server" },
            { "name": "session", "in": "path", "required": true, "schema": { "type": "string" } }
          ],
          "delete": {
            "summary": "End a console session (its creator, or the session's own cookie); its consoles close with 4001",
            "responses": {
              "204": { "description": "Ended" },
              "default": { "$ref": "#/components/responses/Error" }
            }
          }
        },
        "/v1/servers/{id}/console/vnc": {
          "parameters": [{ "$ref": "#/components/parameters/server" }],
          "get": {
            "summary": "Graphical console (VNC) over WebSocket (permission: vnc)",
            "description": "Upgrade to a WebSocket carrying raw RFB (as websockify does, for noVNC): binary frames both ways, never a text frame from the gateway. The viewer talks to an RFB 3.8 server with security type None (the agent logged in to the BMC). Offer the subprotocol binary (selected) beside bearer.<token>; a text frame {\"type\":\"refresh\",\"token\":\"...\"} extends the lease silently. Close codes: 1000 closed on the BMC side, 4000 the console could not be opened or the agent ended it (reason: code: message, e.g. bmc-auth-failed), 4001 lease expired, 4008 idle timeout, 4503 agent offline.",
            "parameters": [
              { "name": "Upgrade", "in": "header", "required": true, "schema": { "const": "websocket" } },
              { "name": "Sec-WebSocket-Protocol", "in": "header", "required": false, "schema": { "type": "string" }, "example": "binary, bearer.eyJ..." }
            ],
            "responses": {
              "101": { "description": "Switching to the WebSocket protocol" },
              "429": { "$ref": "#/components/responses/Error" },
              "default": { "$ref": "#/components/responses/Error" }
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": { "type": "http", "scheme": "bearer", "description": "A token from the manager, scoped to one server and a set of actions (power, console, vnc, proxy, view)" }
        },
        "parameters": {
          "server": { "name": "id", "in": "path", "required": true, "description": "The server's name", "schema": { "type": "string", "minLength": 1, "maxLength": 128 } }
        },
        "responses": {
          "Error": {
            "description": "400 bad-request (malformed JSON, unknown field, wrong value), 401 unauthenticated, 403 denied, 404 not-found, 413 payload-too-large, 429 too-many-sessions, 501 unsupported, 502 an agent error, 503 agent-offline / auth-unavailable / unavailable, 504 timeout",
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
          }
        },
        "schemas": {
          "Error": {
            "type": "object", "required": ["error", "message"], "additionalProperties": false,
            "properties": { "error": { "type": "string", "description": "A stable code such as denied or agent-offline" }, "message": { "type": "string", "description": "What failed and what to do" } }
          },
          "Health": { "type": "object", "required": ["status"], "properties": { "status": { "const": "ok" } } },
          "PowerAction": { "type": "string", "enum": ["on", "off", "cycle", "reset", "soft"] },
          "PowerRequest": {
            "type": "object", "required": ["action"], "additionalProperties": false,
            "properties": { "action": { "$ref": "#/components/schemas/PowerAction" } }
          },
          "PowerReply": {
            "type": "object", "required": ["server", "action"],
            "properties": { "server": { "type": "string" }, "action": { "$ref": "#/components/schemas/PowerAction" } }
          },
          "PowerStatus": {
            "type": "object", "required": ["server", "state"],
            "properties": { "server": { "type": "string" }, "state": { "type": "string", "enum": ["on", "off", "unknown"] } }
          },
          "BootDevice": { "type": "string", "enum": ["none", "pxe", "disk", "cdrom", "bios"] },
          "BootRequest": {
            "type": "object", "required": ["device"], "additionalProperties": false,
            "properties": {
              "device": { "$ref": "#/components/schemas/BootDevice" },
              "persistent": { "type": "boolean", "default": false, "description": "Every boot instead of the next one only" },
              "uefi": { "type": "boolean", "default": false }
            }
          },
          "BootSetting": {
            "type": "object", "required": ["server", "device", "persistent", "uefi"],
            "properties": { "server": { "type": "string" }, "device": { "$ref": "#/components/schemas/BootDevice" }, "persistent": { "type": "boolean" }, "uefi": { "type": "boolean" } }
          },
          "BMCInfo": {
            "type": "object", "required": ["server", "manufacturer", "product", "firmware", "protocolVersion"],
            "properties": {
              "server": { "type": "string" }, "manufacturer": { "type": "string" }, "product": { "type": "string" },
              "firmware": { "type": "string" }, "protocolVersion": { "type": "string", "description": "2.0 for IPMI, the Redfish version for Redfish" }
            }
          },
          "Capabilities": {
            "type": "object", "required": ["server", "online", "capabilities"],
            "properties": {
              "server": { "type": "string" }, "online": { "type": "boolean", "description": "Whether the server's agent is connected" },
              "capabilities": {
                "type": "array",
                "items": { "type": "string", "enum": ["ipmi", "redfish", "power", "boot", "event-log", "serial-ipmi", "serial-redfish", "vnc-tcp", "vnc-ws"] }
              }
            }
          },
          "EventList": {
            "type": "object", "required": ["entries"],
            "properties": {
              "entries": {
                "type": "array",
                "items": {
                  "type": "object", "required": ["id", "summary"],
                  "properties": { "id": { "type": "integer" }, "timestamp": { "type": ["integer", "null"], "description": "Seconds since 1970" }, "summary": { "type": "string" } }
                }
              }
            }
          }
        }
      }
    }
    """#
}
