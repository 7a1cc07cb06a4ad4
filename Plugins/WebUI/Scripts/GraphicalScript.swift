/// `/static/vnc.mjs`: the graphical console page: noVNC's RFB (Debian's `novnc`, served under
/// `/novnc/`) against the gateway's WebSocket with the subprotocol `binary`; reconnects by
/// itself and offers to reconnect once the session expired.
enum GraphicalScript {
    static let source = #"""
    import RFB from '/novnc/core/rfb.js';

    const screen = document.getElementById('screen');
    const notice = document.getElementById('notice');
    const url = Tether.gateway + '/v1/servers/' + encodeURIComponent(Tether.server) + '/console/vnc';
    let rfb = null, attempt = 0, retryTimer = null, gone = false;

    function say(text) { notice.textContent = text || ''; notice.hidden = !text; }

    function connect() {
      clearTimeout(retryTimer);
      gone = false;
      Tether.show(attempt ? 'reconnecting' : 'connecting');
      rfb = new RFB(screen, url, { wsProtocols: ['binary'] });
      rfb.scaleViewport = true;
      rfb.focusOnClick = true;
      rfb.addEventListener('connect', () => {
        attempt = 0;
        say('');
        Tether.show('live');
        window.tether.connected = true;
        rfb.focus();
      });
      rfb.addEventListener('desktopname', (event) => { window.tether.desktopName = event.detail.name; });
      rfb.addEventListener('securityfailure', (event) => say('The VNC login failed: ' + (event.detail.reason || event.detail.status)));
      rfb.addEventListener('disconnect', disconnected);
    }

    async function disconnected() {
      rfb = null;
      window.tether.connected = false;
      if (gone) return;
      // noVNC does not pass the close code on: ask whether the session still exists.
      const probe = await Tether.api('state').catch(() => ({ status: 0, json: {} }));
      if (probe.status === 401) { expired(probe.json.message); return; }
      Tether.show('reconnecting', 'Disconnected: reconnecting…');
      attempt += 1;
      retryTimer = setTimeout(connect, Math.min(15000, 500 * 2 ** Math.min(attempt, 5)));
    }

    function expired(message) {
      gone = true;
      clearTimeout(retryTimer);
      Tether.show('expired', 'Session expired', true);
      say(message || 'The console session expired. Reconnect to try again, or open a new viewer link.');
    }

    Tether.onReconnect(() => { attempt = 0; if (rfb) rfb.disconnect(); connect(); });
    Tether.onSessionGone((message) => { gone = true; if (rfb) rfb.disconnect(); expired(message); });
    window.tether.sendKeys = (text) => { for (const ch of text) { if (rfb) rfb.sendKey(ch === '\r' ? 0xff0d : ch.codePointAt(0)); } };
    connect();
    """#
}
