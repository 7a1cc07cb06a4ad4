/// `/static/serial.js`: the serial console page: xterm.js (3.x API: `term.on('data')`) over
/// the gateway's WebSocket, its state messages shown, automatic reconnection with backoff,
/// and an offer to reconnect once the session expired.
enum SerialScript {
    static let source = #"""
    'use strict';
    (() => {
      const term = new Terminal({ cols: 100, rows: 30, scrollback: 5000 });
      term.open(document.getElementById('terminal'));
      term.focus();
      const encoder = new TextEncoder();
      const decoder = new TextDecoder();
      const notice = document.getElementById('notice');
      const url = Tether.gateway + '/v1/servers/' + encodeURIComponent(Tether.server) + '/console/serial';
      let socket = null, attempt = 0, retryTimer = null, finalState = null;

      function say(text) { notice.textContent = text || ''; notice.hidden = !text; }

      function connect() {
        clearTimeout(retryTimer);
        finalState = null;
        Tether.show(attempt ? 'reconnecting' : 'connecting');
        socket = new WebSocket(url, ['tether.console.v1']);
        socket.binaryType = 'arraybuffer';
        socket.onmessage = (event) => {
          if (typeof event.data === 'string') { control(JSON.parse(event.data)); return; }
          const text = decoder.decode(new Uint8Array(event.data), { stream: true });
          window.tether.received += text;
          term.write(text);
        };
        socket.onclose = closed;
      }

      function control(message) {
        if (message.type === 'state' && message.state === 'live') {
          attempt = 0;
          say('');
          Tether.show('live');
        } else if (message.type === 'state') {
          finalState = message.state;
          say(message.reason);
        } else if (message.type === 'lease') {
          window.tether.leaseExpiresAt = message.expiresAt;
        } else if (message.type === 'error') {
          say(message.message);
        }
      }

      async function closed(event) {
        socket = null;
        if (finalState === 'expired' || event.code === 4001) { expired(); return; }
        if (finalState === 'agent-offline' || event.code === 4503) { Tether.show('agent-offline'); retry(); return; }
        // A refused handshake looks like a network failure (1006): ask whether the session still exists.
        const probe = await Tether.api('state').catch(() => ({ status: 0, json: {} }));
        if (probe.status === 401) { expired(probe.json.message); return; }
        Tether.show('reconnecting', event.code === 1000 ? 'Console closed on the BMC side: reconnecting…' : 'Disconnected: reconnecting…');
        retry();
      }

      function retry() {
        attempt += 1;
        retryTimer = setTimeout(connect, Math.min(15000, 500 * 2 ** Math.min(attempt, 5)));
      }

      function expired(message) {
        clearTimeout(retryTimer);
        Tether.show('expired', 'Session expired', true);
        say(message || 'The console session expired. Reconnect to try again, or open a new viewer link.');
      }

      term.on('data', (data) => {
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(encoder.encode(data));
      });
      Tether.onReconnect(() => { attempt = 0; connect(); });
      Tether.onSessionGone((message) => { if (socket) socket.close(); expired(message); });
      connect();
    })();
    """#
}
