/// `/static/dashboard.js`: the filters apply as soon as a select changes, and the page tells
/// tests it is ready (`window.tetherDashboard`). Everything works without it.
enum DashboardScript {
    static let source = #"""
    'use strict';
    (() => {
      const filters = document.getElementById('filters');
      if (filters) {
        for (const select of filters.querySelectorAll('select')) {
          select.addEventListener('change', () => filters.submit());
        }
      }
      const password = document.getElementById('password');
      const error = document.getElementById('login-error');
      if (password && error) password.focus();
      window.tetherDashboard = { page: document.body.dataset.page, ready: true };
    })();
    """#
}
