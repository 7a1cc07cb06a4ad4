/// `/static/dashboard.css`: tables, badges and the sign-in card, on top of the web consoles'
/// `/static/tether.css`.
enum DashboardStyleSheet {
    static let source = #"""
    header nav a { margin-right: 1rem; }
    header .user { margin-left: auto; color: var(--muted); }
    header .logout { margin: 0; }
    .wide { max-width: 80rem; margin-bottom: 1.5rem; }
    .wide h2 { font-size: 1.15rem; }
    .count { color: var(--muted); font-size: .9rem; font-weight: normal; margin-left: .5rem; }
    table { border-collapse: collapse; width: 100%; background: var(--panel); border-radius: .4rem; }
    th, td { text-align: left; padding: .4rem .7rem; border-bottom: 1px solid #2d3742; vertical-align: top; }
    th { color: var(--muted); font-weight: 600; font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; }
    td.id { font-family: monospace; }
    td.detail { color: var(--muted); font-size: .9rem; max-width: 30rem; overflow-wrap: anywhere; }
    tr[data-outcome="denied"] .outcome, tr[data-outcome="failed"] .outcome { color: var(--bad); }
    tr[data-outcome="ok"] .outcome { color: var(--ok); }
    .badge { padding: .05rem .5rem; border-radius: 1rem; background: #2d3742; font-size: .85rem; }
    .badge[data-status="online"] { background: #12361c; color: var(--ok); }
    .badge[data-status="offline"] { background: #3d1514; color: var(--bad); }
    .console a { color: #58a6ff; margin-right: .6rem; }
    .muted { color: var(--muted); }
    .filters { display: flex; gap: 1rem; align-items: end; margin: .5rem 0 1rem; flex-wrap: wrap; }
    .filters label, .login label { display: flex; flex-direction: column; gap: .2rem; color: var(--muted); font-size: .9rem; }
    select, input { background: var(--bg); color: var(--text); border: 1px solid #45515e; border-radius: .3rem; padding: .35rem .5rem; font: inherit; }
    .login { max-width: 24rem; margin: 3rem auto; }
    .login form { display: flex; flex-direction: column; gap: .75rem; }
    .alert { color: var(--bad); background: #3d1514; padding: .4rem .7rem; border-radius: .3rem; }
    .sso a, .pager a, main a { color: #58a6ff; }
    .pager a { margin-right: 1rem; }
    .hint { color: var(--muted); font-size: .85rem; }
    """#
}
