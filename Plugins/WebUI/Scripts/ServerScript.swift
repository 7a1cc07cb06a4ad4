/// `/static/server.js`: the server page: chassis power with confirmed buttons, BMC facts, the
/// boot setting and recent events (boot progress where the BMC logs it), and who holds a
/// console session. Everything goes through the page's same-origin API.
enum ServerScript {
    static let source = #"""
    'use strict';
    (() => {
      const element = (id) => document.getElementById(id);
      const labels = { on: 'Power on', off: 'Power off', reset: 'Reset', cycle: 'Power cycle' };
      let pending = null;

      function definitions(target, pairs) {
        target.replaceChildren(...pairs.flatMap(([name, value]) => {
          const term = document.createElement('dt');
          term.textContent = name;
          const detail = document.createElement('dd');
          detail.textContent = value;
          return [term, detail];
        }));
      }
      function items(target, texts) {
        target.replaceChildren(...texts.map((text) => {
          const item = document.createElement('li');
          item.textContent = text;
          return item;
        }));
      }
      function when(seconds) { return seconds ? new Date(seconds * 1000).toLocaleString() : 'no time'; }

      async function refreshState() {
        let reply;
        try { reply = await Tether.api('state'); } catch (error) { Tether.show('reconnecting', 'Web console unreachable: retrying…'); return; }
        if (reply.status === 401) { Tether.show('expired', 'Session expired', true); return; }
        if (reply.status !== 200) { Tether.show('error', reply.json.message || 'Error'); return; }
        const state = reply.json;
        Tether.show('live');
        const power = element('power');
        power.dataset.power = state.power || 'unknown';
        power.textContent = state.power ? state.power.toUpperCase() : ('unknown: ' + (state.powerError || ''));
        items(element('sessions'), state.sessions.map((s) => s.subject + ' (' + s.type + ' console since ' + when(s.createdAt) + ')'));
      }

      async function refreshFacts() {
        const reply = await Tether.api('facts').catch(() => ({ status: 0, json: {} }));
        if (reply.status !== 200) return;
        const facts = reply.json;
        definitions(element('bmc'), facts.bmc
          ? [['Manufacturer', facts.bmc.manufacturer], ['Product', facts.bmc.product], ['Firmware', facts.bmc.firmware], ['Protocol', facts.bmc.protocolVersion]]
          : [['BMC', facts.bmcError || 'not reported']]);
        definitions(element('boot'), facts.boot
          ? [['Boot device', facts.boot.device + (facts.boot.persistent ? ' (persistent)' : ' (next boot)')], ['Firmware', facts.boot.uefi ? 'UEFI' : 'legacy BIOS']]
          : [['Boot device', 'not reported by this BMC (' + (facts.bootError || 'no answer') + ')']]);
        items(element('events'), facts.events && facts.events.length
          ? facts.events.map((e) => when(e.timestamp) + ': ' + e.summary)
          : [facts.eventsError || 'No boot progress or events reported by this BMC']);
      }

      document.querySelectorAll('button[data-action]').forEach((button) => button.addEventListener('click', () => {
        pending = button.dataset.action;
        element('confirm-text').textContent = labels[pending] + ' ' + Tether.server + '?';
        element('confirm').hidden = false;
        element('confirm-yes').focus();
      }));
      element('confirm-no').addEventListener('click', () => { pending = null; element('confirm').hidden = true; });
      element('confirm-yes').addEventListener('click', async () => {
        const action = pending;
        pending = null;
        element('confirm').hidden = true;
        if (!action) return;
        element('power-result').textContent = labels[action] + '…';
        const reply = await Tether.api('power', { body: { action } }).catch((error) => ({ status: 0, json: { message: String(error) } }));
        element('power-result').textContent = reply.status === 200 ? labels[action] + ': sent to the BMC' : (reply.json.message || 'failed');
        refreshState();
      });
      Tether.onReconnect(() => location.reload());
      Tether.onSessionGone(() => Tether.show('expired', 'Session expired', true));
      refreshState();
      refreshFacts();
      setInterval(refreshState, 2000);
    })();
    """#
}
