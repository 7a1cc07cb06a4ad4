/// `/static/tether.css` (the dashboard serves it too).
public enum StyleSheet {
    public static let source = #"""
    :root { color-scheme: dark; --bg: #0f1419; --panel: #1b232c; --text: #e6e6e6; --muted: #9aa5b1; --ok: #3fb950; --warn: #d29922; --bad: #f85149; }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.4 system-ui, sans-serif; }
    header { display: flex; align-items: center; gap: 1rem; padding: .5rem 1rem; background: var(--panel); border-bottom: 1px solid #2d3742; }
    .brand { letter-spacing: .05em; }
    .server { font-family: monospace; font-size: 1.05rem; }
    nav a { color: var(--muted); margin-right: .75rem; text-decoration: none; }
    nav a[aria-current] { color: var(--text); border-bottom: 2px solid var(--ok); }
    .state { margin-left: auto; padding: .15rem .6rem; border-radius: 1rem; background: #2d3742; }
    .state[data-state="live"] { background: #12361c; color: var(--ok); }
    .state[data-state="connecting"], .state[data-state="reconnecting"], .state[data-state="agent-offline"] { background: #3a2f12; color: var(--warn); }
    .state[data-state="expired"], .state[data-state="error"] { background: #3d1514; color: var(--bad); }
    button { background: #2d3742; color: var(--text); border: 1px solid #45515e; border-radius: .3rem; padding: .35rem .8rem; cursor: pointer; }
    button:hover { background: #3a4654; }
    main { padding: 1rem; }
    .terminal { display: inline-block; padding: .25rem; background: #000; }
    .screen { width: 100%; height: calc(100vh - 7rem); background: #000; }
    .notice { color: var(--warn); }
    .card { background: var(--panel); border-radius: .4rem; padding: .75rem 1rem; margin-bottom: 1rem; max-width: 48rem; }
    .card h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
    .card h3 { font-size: 1rem; color: var(--muted); }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
    dt { color: var(--muted); }
    dd { margin: 0; }
    #power[data-power="on"] { color: var(--ok); }
    #power[data-power="off"] { color: var(--bad); }
    .confirm { border: 1px solid var(--warn); padding: .5rem .75rem; border-radius: .3rem; margin: .5rem 0; }
    .events { font-family: monospace; font-size: .9rem; }
    [hidden] { display: none !important; }
    """#
}
