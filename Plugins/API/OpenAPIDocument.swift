/// The OpenAPI 3.1 description of the manager API, served at `/openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {"title": "Tether manager API", "version": "1.0.0",
        "description": "Login (local or OIDC), short-lived ES256 tokens, the servers a user may reach, and the audit log. Errors are {\"error\": {\"code\", \"message\"}}. Bodies are JSON objects without unknown fields."},
      "components": {
        "securitySchemes": {"login": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT", "description": "A login token from /v1/login or the OIDC callback"}},
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"],
            "properties": {"code": {"type": "string", "examples": ["invalid-credentials", "rate-limited", "invalid-token", "denied", "not-found", "bad-request", "malformed-json", "unknown-field", "too-large"]}, "message": {"type": "string"}}}}},
          "IssuedToken": {"type": "object", "required": ["token", "expiresAt", "kind"], "properties": {
            "token": {"type": "string"}, "expiresAt": {"type": "string", "format": "date-time"}, "kind": {"enum": ["login", "session", "enrol"]}}},
          "Action": {"enum": ["power", "console", "vnc", "proxy", "view"]},
          "Server": {"type": "object", "required": ["id", "capabilities", "actions"], "properties": {
            "id": {"type": "string"}, "tenant": {"type": "string"}, "gateway": {"type": "string"},
            "capabilities": {"type": "array", "items": {"type": "string"}}, "actions": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}},
            "online": {"type": "boolean", "description": "its agent and gateway are up (absent: no gateway ever reported it)"},
            "agent": {"type": "string"}, "lastSeen": {"type": "string", "format": "date-time"}}},
          "Gateway": {"type": "object", "required": ["id", "online", "agents", "servers"], "properties": {
            "id": {"type": "string"}, "url": {"type": "string"}, "online": {"type": "boolean"}, "lastSeen": {"type": "string", "format": "date-time"},
            "agents": {"type": "integer"}, "servers": {"type": "integer"}}},
          "Agent": {"type": "object", "required": ["node", "online", "lastSeen", "servers"], "properties": {
            "node": {"type": "string"}, "gateway": {"type": "string"}, "version": {"type": "string"}, "online": {"type": "boolean"},
            "lastSeen": {"type": "string", "format": "date-time"}, "servers": {"type": "array", "items": {"type": "string"}}}},
          "SessionToken": {"type": "object", "required": ["token", "gateway", "actions"], "properties": {
            "token": {"$ref": "#/components/schemas/IssuedToken"}, "gateway": {"type": "string", "description": "the token's audience"},
            "gatewayURL": {"type": "string"}, "actions": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}}},
          "AuditEvent": {"type": "object", "required": ["id", "at", "actor", "action", "outcome", "detail"], "properties": {
            "id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "actor": {"type": "string"}, "action": {"type": "string"},
            "outcome": {"enum": ["ok", "failed", "denied"]}, "tenantID": {"type": "string"}, "serverID": {"type": "string"},
            "source": {"type": "string"}, "detail": {"type": "string"}}},
          "AuditLine": {"type": "object", "required": ["id", "at", "actor", "action", "outcome", "detail"], "properties": {
            "id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "actor": {"type": "string"}, "action": {"type": "string"},
            "outcome": {"enum": ["ok", "failed", "denied"]}, "tenant": {"type": "string"}, "server": {"type": "string"}, "source": {"type": "string"}, "detail": {"type": "string"}}},
          "Ownership": {"type": "object", "required": ["server"], "properties": {
            "server": {"type": "string"}, "tenant": {"type": "string", "description": "the owner now (absent: unassigned)"},
            "previousTenant": {"type": "string", "description": "the owner before (absent: it was unassigned)"}}},
          "Identity": {"type": "object", "required": ["userID", "name", "superadmin", "roles"], "properties": {
            "userID": {"type": "string"}, "name": {"type": "string"}, "superadmin": {"type": "boolean"},
            "roles": {"type": "object", "additionalProperties": {"enum": ["admin", "operator", "viewer"]}}}},
          "JWKS": {"type": "object", "required": ["keys"], "properties": {"keys": {"type": "array", "items": {"type": "object", "required": ["kty"], "properties": {
            "kty": {"type": "string"}, "crv": {"type": "string"}, "x": {"type": "string"}, "y": {"type": "string"}, "kid": {"type": "string"}, "alg": {"type": "string"}, "use": {"type": "string"}}}}}}
        },
        "responses": {
          "Error": {"description": "refused; see error.code", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      },
      "paths": {
        "/v1/login": {"post": {"summary": "Log in with a local user name and password (rate-limited per account and address)",
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["username", "password"],
            "properties": {"username": {"type": "string", "maxLength": 200}, "password": {"type": "string"}}}}}},
          "responses": {"200": {"description": "a login token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IssuedToken"}}}},
            "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}}}},
        "/v1/oidc/start": {"get": {"summary": "Start an OIDC login (authorization code + PKCE S256)",
          "parameters": [{"name": "redirect_uri", "in": "query", "required": false, "schema": {"type": "string"}, "description": "a CLI's loopback callback http://127.0.0.1:PORT/...; the answer is then JSON instead of a redirect"}],
          "responses": {"200": {"description": "where to send the browser", "content": {"application/json": {"schema": {"type": "object", "properties": {"authorizationURL": {"type": "string"}, "state": {"type": "string"}}}}}},
            "302": {"description": "redirect to the provider"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/v1/oidc/callback": {
          "get": {"summary": "The provider's redirect back (browser flow)",
            "parameters": [{"name": "code", "in": "query", "required": true, "schema": {"type": "string"}}, {"name": "state", "in": "query", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "a login token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IssuedToken"}}}},
              "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "502": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "Hand over the code a CLI received on its loopback redirect",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["code", "state"],
              "properties": {"code": {"type": "string"}, "state": {"type": "string"}}}}}},
            "responses": {"200": {"description": "a login token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IssuedToken"}}}},
              "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "502": {"$ref": "#/components/responses/Error"}}}},
        "/v1/token/refresh": {"post": {"summary": "A fresh login token for a valid one", "security": [{"login": []}],
          "responses": {"200": {"description": "a login token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IssuedToken"}}}},
            "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
        "/v1/servers": {"get": {"summary": "The servers of the caller's tenants", "security": [{"login": []}],
          "responses": {"200": {"description": "servers", "content": {"application/json": {"schema": {"type": "object", "properties": {"servers": {"type": "array", "items": {"$ref": "#/components/schemas/Server"}}}}}}},
            "401": {"$ref": "#/components/responses/Error"}}}},
        "/v1/servers/{id}": {"get": {"summary": "One server (404 when it does not exist or belongs to another tenant)", "security": [{"login": []}],
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "responses": {"200": {"description": "the server", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Server"}}}},
            "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/v1/servers/{id}/session-token": {"post": {"summary": "A session token for one server, for its gateway (5 minutes by default)", "security": [{"login": []}],
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false,
            "properties": {"actions": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}}}}}},
          "responses": {"200": {"description": "the session token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SessionToken"}}}},
            "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
            "404": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}}},
        "/v1/audit": {"get": {"summary": "Audit records, newest first (oldest first with after); superadmins: all; tenant admins: their tenants; others 403. Unknown parameters are refused.", "security": [{"login": []}],
          "parameters": [{"name": "since", "in": "query", "schema": {"type": "string", "format": "date-time"}, "description": "records at or after this RFC 3339 time"},
            {"name": "until", "in": "query", "schema": {"type": "string", "format": "date-time"}, "description": "records before this time"},
            {"name": "tenant", "in": "query", "schema": {"type": "string"}, "description": "one tenant (a tenant admin: one it administers, else 403)"},
            {"name": "server", "in": "query", "schema": {"type": "string"}}, {"name": "action", "in": "query", "schema": {"type": "string"}, "description": "e.g. login, token.session, server.assign"},
            {"name": "after", "in": "query", "schema": {"type": "integer"}, "description": "only records with a larger id, oldest first"},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
            {"name": "before", "in": "query", "schema": {"type": "integer"}, "description": "only records with a smaller id (paging)"}],
          "responses": {"200": {"description": "records", "content": {"application/json": {"schema": {"type": "object", "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEvent"}}}}}}},
            "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
        "/v1/audit/stream": {"get": {"summary": "Audit records as JSON lines for a SIEM: the backlog after since (or after), then records as they are appended, until the client disconnects. Same filters and scope as /v1/audit; no limit or before. Each batch is checked with the token: when it expires the stream ends (resume with after=LAST_ID). A client that takes no data for auditStreamWriteTimeoutSeconds is cut off.", "security": [{"login": []}],
          "parameters": [{"name": "since", "in": "query", "schema": {"type": "string", "format": "date-time"}, "description": "records at or after this RFC 3339 time"},
            {"name": "until", "in": "query", "schema": {"type": "string", "format": "date-time"}, "description": "records before this time"},
            {"name": "tenant", "in": "query", "schema": {"type": "string"}, "description": "one tenant (a tenant admin: one it administers, else 403)"},
            {"name": "server", "in": "query", "schema": {"type": "string"}}, {"name": "action", "in": "query", "schema": {"type": "string"}, "description": "e.g. login, token.session, server.assign"},
            {"name": "after", "in": "query", "schema": {"type": "integer"}, "description": "only records with a larger id, oldest first"}],
          "responses": {"200": {"description": "one JSON object per line: id, at (RFC 3339, ms), actor, action, outcome, detail and, when set, tenant, server, source", "content": {"application/x-ndjson": {"schema": {"$ref": "#/components/schemas/AuditLine"}}}},
            "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
        "/v1/servers/{id}/tenant": {
          "put": {"summary": "Assign the server to a tenant (superadmins only; audited server.assign with old -> new tenant)", "security": [{"login": []}],
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["tenant"],
              "properties": {"tenant": {"type": "string", "minLength": 1, "maxLength": 200}}}}}},
            "responses": {"200": {"description": "the change", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ownership"}}}},
              "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "Unassign the server (only superadmins see it then; superadmins only; audited server.unassign)", "security": [{"login": []}],
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the change", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ownership"}}}},
              "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
        "/v1/whoami": {"get": {"summary": "The caller: user ID, name, superadmin, role per tenant", "security": [{"login": []}],
          "responses": {"200": {"description": "the caller", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Identity"}}}},
            "401": {"$ref": "#/components/responses/Error"}}}},
        "/v1/gateways": {"get": {"summary": "Gateways from their reports, with online state (superadmins only)", "security": [{"login": []}],
          "responses": {"200": {"description": "gateways", "content": {"application/json": {"schema": {"type": "object", "properties": {"gateways": {"type": "array", "items": {"$ref": "#/components/schemas/Gateway"}}}}}}},
            "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
        "/v1/agents": {"get": {"summary": "Agents (superadmins: all; tenant admins: those serving their tenants' servers)", "security": [{"login": []}],
          "responses": {"200": {"description": "agents", "content": {"application/json": {"schema": {"type": "object", "properties": {"agents": {"type": "array", "items": {"$ref": "#/components/schemas/Agent"}}}}}}},
            "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
        "/v1/agents/enrolment-tokens": {"post": {"summary": "An enrolment token (JWT, typ enrol, sub the agent node, aud the gateway node) that lets one agent link to one gateway (superadmins only; audited as enrolment.issued)", "security": [{"login": []}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["node", "gateway"],
            "properties": {"node": {"type": "string", "maxLength": 128}, "gateway": {"type": "string", "maxLength": 128}, "ttlSeconds": {"type": "integer", "minimum": 60, "description": "default enrolmentLifetimeSeconds (24 h), at most maximumEnrolmentLifetimeSeconds"}}}}}},
          "responses": {"201": {"description": "the enrolment token", "content": {"application/json": {"schema": {"type": "object", "required": ["token", "node", "gateway", "tokenID"], "properties": {
            "token": {"$ref": "#/components/schemas/IssuedToken"}, "node": {"type": "string"}, "gateway": {"type": "string"}, "tokenID": {"type": "string", "description": "the jti, as the audit records name it"}}}}}},
            "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
        "/v1/agents/{node}/revoke": {"post": {"summary": "Revoke the agent node: every credential it holds now is refused at every gateway until it enrols again with a new enrolment token (superadmins only; audited as agent.revoked)", "security": [{"login": []}],
          "parameters": [{"name": "node", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 128}}],
          "responses": {"200": {"description": "the revocation", "content": {"application/json": {"schema": {"type": "object", "required": ["node", "revokedAt"], "properties": {
            "node": {"type": "string"}, "revokedAt": {"type": "string", "format": "date-time", "description": "credentials issued at or before this time are refused"}}}}}},
            "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
        "/.well-known/jwks.json": {"get": {"summary": "The public token signing keys (ES256)",
          "responses": {"200": {"description": "JWKS", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JWKS"}}}}}}},
        "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1"}}}}
      }
    }
    """#
}
