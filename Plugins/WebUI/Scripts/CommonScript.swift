/// `/static/common.js`: what every session page shares: the connection state shown in the
/// top bar (`window.tether.state` for tests), same-origin calls to the page's API, and the
/// lease renewal while the page is open.
enum CommonScript {
    static let source = #"""
    'use strict';
    window.tether = window.tether || { state: 'connecting', states: [], received: '' };
    const Tether = (() => {
      const body = document.body;
      const session = body.dataset.session, server = body.dataset.server, gateway = body.dataset.gateway;
      const stateElement = document.getElementById('state');
      const reconnectButton = document.getElementById('reconnect');
      const labels = {
        connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…',
        'agent-offline': 'Agent offline: reconnecting…', expired: 'Session expired', error: 'Error'
      };
      function show(state, text, offerReconnect) {
        window.tether.state = state;
        window.tether.states.push(state);
        stateElement.dataset.state = state;
        stateElement.textContent = text || labels[state] || state;
        reconnectButton.hidden = !offerReconnect;
      }
      async function api(path, options) {
        const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
        if (init.body !== undefined) {
          init.method = 'POST';
          init.headers['Content-Type'] = 'application/json';
          init.body = JSON.stringify(init.body);
        }
        const response = await fetch('/view/' + encodeURIComponent(session) + '/api/' + path, init);
        let json = {};
        try { json = await response.json(); } catch (error) { json = {}; }
        return { status: response.status, json };
      }
      let whenGone = null;
      // Renews the session's lease well within it while the page is open (DHCP-style).
      async function renew() {
        try {
          const reply = await api('renew', { body: {} });
          if (reply.status === 200) window.tether.sessionExpiresAt = reply.json.expiresAt;
          if (reply.status === 401 && whenGone) whenGone(reply.json.message);
        } catch (error) { /* the next renewal retries */ }
      }
      setInterval(renew, 30000);
      return {
        session, server, gateway, show, api, renew,
        onReconnect: (handler) => reconnectButton.addEventListener('click', handler),
        onSessionGone: (handler) => { whenGone = handler; }
      };
    })();
    """#
}
